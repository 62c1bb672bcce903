// Distance and area measures drawn on the map. Mouse: click to add points. Keyboard: move the map
// with the arrow keys and add its centre. The figure is announced as it changes.
import type { Position } from 'geojson';
import type { MeasureApi } from '../measure/useMeasure';
import { formatMeasure, measureValue, type MeasureMode } from '../measure/measure';

const MODE_LABELS: Record<MeasureMode, string> = { distance: 'Mesurer une distance', surface: 'Mesurer une surface' };

export function MeasureSection({ measure, mapCentre, onKeep }: { measure: MeasureApi; mapCentre: () => Position | null; onKeep: () => void }) {
  const { mode, points } = measure;
  const enough = mode === 'distance' ? points.length >= 2 : points.length >= 3;
  return (
    <section className="wb-section" aria-labelledby="wb-mesure-titre">
      <h3 id="wb-mesure-titre">Mesurer</h3>
      <div className="wb-actions">
        {(Object.keys(MODE_LABELS) as MeasureMode[]).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => (mode === m ? measure.stop() : measure.start(m))}>
            {MODE_LABELS[m]}
          </button>
        ))}
      </div>
      {mode && (
        <div className="wb-measure">
          <p className="wb-hint">
            Cliquez sur la carte pour poser les points{mode === 'surface' ? ' du contour' : ' de la ligne'}. Au clavier : déplacez la carte avec
            les flèches puis ajoutez son centre.
          </p>
          <p className="wb-measure-value" aria-live="polite" aria-atomic="true">
            {mode === 'distance' ? 'Distance' : 'Surface'} : <strong>{enough ? formatMeasure(mode, measureValue(mode, points)) : '—'}</strong> ({points.length}{' '}
            point{points.length > 1 ? 's' : ''})
          </p>
          <div className="wb-actions">
            <button
              type="button"
              onClick={() => {
                const c = mapCentre();
                if (c) measure.add(c);
              }}
            >
              Ajouter le centre de la carte
            </button>
            <button type="button" onClick={measure.undo} disabled={!points.length}>
              Retirer le dernier point
            </button>
            <button type="button" onClick={onKeep} disabled={!enough}>
              Garder comme couche
            </button>
            <button type="button" onClick={measure.stop}>
              Terminer
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
