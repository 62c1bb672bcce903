// Distance and area measures drawn on the map. Mouse: click to add points. Keyboard: move the map
// with the arrow keys and add its centre. The figure is announced as it changes.
import type { Position } from 'geojson';
import type { MeasureApi } from '../measure/useMeasure';
import { formatMeasure, measureValue, type MeasureMode } from '../measure/measure';
import { useI18n, type MessageKey } from '../../i18n';
import { VertexList } from '../../gis/VertexList';

const MODE_LABELS: Record<MeasureMode, MessageKey> = { distance: 'wb.measure.distance', surface: 'wb.measure.surface' };

export function MeasureSection({ measure, mapCentre, onKeep }: { measure: MeasureApi; mapCentre: () => Position | null; onKeep: () => void }) {
  const { t, tn, locale } = useI18n();
  const { mode, points } = measure;
  const enough = mode === 'distance' ? points.length >= 2 : points.length >= 3;
  return (
    <section className="wb-section" aria-labelledby="wb-mesure-titre">
      <h3 id="wb-mesure-titre">{t('wb.measure.title')}</h3>
      <div className="wb-actions">
        {(Object.keys(MODE_LABELS) as MeasureMode[]).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => (mode === m ? measure.stop() : measure.start(m))}>
            {t(MODE_LABELS[m])}
          </button>
        ))}
      </div>
      {mode && (
        <div className="wb-measure">
          <p className="wb-hint">{mode === 'surface' ? t('wb.measure.hintSurface') : t('wb.measure.hintDistance')}</p>
          <p className="wb-measure-value" aria-live="polite" aria-atomic="true">
            {mode === 'distance' ? t('wb.measure.distanceLabel') : t('wb.measure.surfaceLabel')}
            {t('ui.colon')}
            <strong>{enough ? formatMeasure(mode, measureValue(mode, points), locale) : '—'}</strong> ({tn('wb.measure.points', points.length)})
          </p>
          <VertexList points={points} />
          <div className="wb-actions">
            <button
              type="button"
              onClick={() => {
                const c = mapCentre();
                if (c) measure.add(c);
              }}
            >
              {t('wb.measure.addCentre')}
            </button>
            <button type="button" onClick={measure.undo} disabled={!points.length}>
              {t('wb.measure.undo')}
            </button>
            <button type="button" onClick={onKeep} disabled={!enough}>
              {t('wb.measure.keep')}
            </button>
            <button type="button" onClick={measure.stop}>
              {t('wb.measure.stop')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
