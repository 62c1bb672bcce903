// Layer panel: one entry per layer in definition order, with sublayer toggles, counts, legend,
// status badge, the button to its table view and the catalog's information.
import type { Catalog, CatalogLayer, LayerDefinition, Theme } from '../../../layers/types';
import { layerDefinitions } from '../../../layers/index';
import type { LayerData } from '../data/useLayerData';
import type { Visibility } from '../state/visibility';
import { translate, useI18n, type Locale } from '../i18n';
import { domainString } from '../i18n/domain';
import { Domain, Fr } from '../i18n/Localized';
import { Badge } from './Badge';
import { Legend } from './Legend';
import { LayerInfo } from './LayerInfo';
import { QgisLinks } from './QgisLinks';
import { LayerExport } from '../gis/LayerExport';
import { formatCount } from './format';

export interface LayerPanelProps {
  catalog: Catalog;
  data: LayerData;
  theme: Theme;
  visibility: Visibility;
  onToggleLayer: (layerId: string, on: boolean) => void;
  onToggleSublayer: (sublayerId: string, on: boolean) => void;
  /** Opens the table view of a sublayer. */
  onOpenTable: (sublayerId: string) => void;
}

/** Error reasons of a layer: catalog status first, then files that failed to load (their messages are French). */
function layerErrors(definition: LayerDefinition, entry: CatalogLayer | undefined, data: LayerData, locale: Locale): { text: string; fr: boolean }[] {
  if (!entry) return [{ text: translate(locale, 'ui.layer.absent'), fr: false }];
  if (entry.status === 'erreur')
    return [entry.statusMessage ? { text: entry.statusMessage, fr: true } : { text: translate(locale, 'ui.layer.failed'), fr: false }];
  const messages = definition.sublayers.flatMap((s) => {
    const d = data[s.id];
    return d?.state === 'erreur' ? [`${domainString(locale, s.title)}${translate(locale, 'ui.colon')}${d.message}`] : [];
  });
  return [...new Set(messages)].map((text) => ({ text, fr: true }));
}

function LayerEntry({ definition, props }: { definition: LayerDefinition; props: LayerPanelProps }) {
  const { t, tn, locale } = useI18n();
  const { catalog, data, theme, visibility } = props;
  const entry = catalog.layers.find((l) => l.id === definition.id);
  const errors = layerErrors(definition, entry, data, locale);
  const loading = definition.sublayers.some((s) => data[s.id]?.state === 'chargement');
  const layerOn = visibility.layers.has(definition.id);
  const inputId = `couche-${definition.id}`;
  return (
    <li className={`layer${errors.length ? ' layer-error' : ''}`} data-layer={definition.id}>
      <div className="layer-head">
        <input type="checkbox" id={inputId} checked={layerOn} onChange={(e) => props.onToggleLayer(definition.id, e.target.checked)} />
        <label htmlFor={inputId}>
          <Domain>{definition.title}</Domain>
        </label>
      </div>
      {errors.map((e) => (
        <Badge key={e.text} kind="erreur">
          {e.fr ? <Fr>{e.text}</Fr> : e.text}
        </Badge>
      ))}
      {!errors.length && entry?.status === 'partiel' && (
        <Badge kind="avertissement">{entry.statusMessage ? <Domain>{entry.statusMessage}</Domain> : t('ui.layer.incomplete')}</Badge>
      )}
      {loading && <Badge kind="chargement">{t('ui.layer.loading')}</Badge>}
      <p className="description">
        <Domain>{definition.description}</Domain>
      </p>
      <ul className="sublayers">
        {definition.sublayers.map((s) => {
          const cat = entry?.sublayers.find((c) => c.id === s.id);
          const d = data[s.id];
          const subId = `sous-couche-${s.id}`;
          const noGeometry = d?.state === 'sans-geometrie' || (cat && !cat.file);
          return (
            <li key={s.id} className="sublayer" data-sublayer={s.id}>
              {noGeometry ? (
                <p className="sublayer-title">
                  <Domain>{s.title}</Domain> <span className="count">{t('ui.layer.noGeometry')}</span>
                </p>
              ) : (
                <div className="sublayer-head">
                  <input
                    type="checkbox"
                    id={subId}
                    checked={visibility.sublayers.has(s.id)}
                    disabled={d?.state === 'erreur'}
                    onChange={(e) => props.onToggleSublayer(s.id, e.target.checked)}
                  />
                  <label htmlFor={subId}>
                    <Domain>{s.title}</Domain> {cat && <span className="count">({formatCount(cat.featureCount, locale)})</span>}
                  </label>
                </div>
              )}
              {!noGeometry && <Legend sublayer={s} theme={theme} />}
              {d?.state === 'ok' && d.features.length > 0 && (
                <button type="button" className="link-button table-open" data-table-open={s.id} onClick={() => props.onOpenTable(s.id)}>
                  {tn('ui.table.open', d.features.length, { title: domainString(locale, s.title) })}
                </button>
              )}
              {cat?.file && cat.featureCount > 0 && <LayerExport catalog={catalog} sublayerId={s.id} title={domainString(locale, s.title)} />}
            </li>
          );
        })}
      </ul>
      <LayerInfo definition={definition} entry={entry} sources={catalog.sources} />
    </li>
  );
}

export function LayerPanel(props: LayerPanelProps) {
  const { t } = useI18n();
  return (
    <section className="layer-panel" aria-labelledby="titre-couches">
      <h2 id="titre-couches">{t('ui.layers.title')}</h2>
      <ul className="layers">
        {layerDefinitions.map((definition) => (
          <LayerEntry key={definition.id} definition={definition} props={props} />
        ))}
      </ul>
      <QgisLinks />
    </section>
  );
}
