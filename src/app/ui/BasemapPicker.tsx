// Basemap choice as a radio group; online options are labelled as such.
import { basemaps, type BasemapId } from '../../core/map-style/basemaps';
import { useI18n, type MessageKey } from '../i18n';

const LABELS: Record<BasemapId, MessageKey> = {
  atlas: 'ui.basemap.atlas',
  'ign-standard': 'ui.basemap.ignStandard',
  'ign-gris': 'ui.basemap.ignGris',
  osm: 'ui.basemap.osm',
};

export function BasemapPicker({ value, onChange }: { value: BasemapId; onChange: (id: BasemapId) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="basemap-picker">
      <legend>{t('ui.basemap.legend')}</legend>
      {basemaps.map((b) => (
        <div key={b.id} className="radio">
          <input type="radio" id={`fond-${b.id}`} name="fond" value={b.id} checked={value === b.id} onChange={() => onChange(b.id)} />
          <label htmlFor={`fond-${b.id}`}>
            {t(LABELS[b.id])}
            {b.online && <span className="note"> {t('ui.basemap.online')}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
