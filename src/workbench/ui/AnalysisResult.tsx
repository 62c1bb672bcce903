// What a buffer touches, per thematic layer: how many features, which ones, length and area inside.
import type { AnalysisSummary, SublayerHit } from '../types';
import { formatInt } from './labels';

const dec = (digits: number) => new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const formatKm = (km: number): string => `${dec(km < 10 ? 2 : 1).format(km)} km`;
export const formatHa = (ha: number): string => `${dec(ha < 100 ? 2 : 0).format(ha)} ha`;

/** "Zone tampon 100 m : 3 entités de Communes, 2,10 km d'EuroVelo 5…" in one sentence. */
export function resultSentence(summary: AnalysisSummary): string {
  const touched = summary.hits.filter((h) => h.count > 0);
  const parts = touched.map((h) => {
    const measure = h.lengthKm !== null ? ` (${formatKm(h.lengthKm)})` : h.areaHa !== null ? ` (${formatHa(h.areaHa)})` : '';
    return `${h.title} : ${formatInt(h.count)}${measure}`;
  });
  return `${summary.source.name}, zone de ${formatInt(summary.distanceM)} m (${formatHa(summary.bufferAreaHa)}) — ${parts.length ? parts.join(' ; ') : 'aucune entité thématique touchée'}.`;
}

function HitRow({ hit, onShow }: { hit: SublayerHit; onShow: (sublayerId: string, index: number) => void }) {
  return (
    <tr>
      <th scope="row">
        {hit.title}
        {hit.count > 0 && (
          <details>
            <summary>Voir les {formatInt(hit.count)} entités</summary>
            <ul>
              {hit.features.map((f) => (
                <li key={f.index}>
                  <button type="button" className="link-button" onClick={() => onShow(hit.sublayerId, f.index)}>
                    {f.name}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </th>
      <td>{formatInt(hit.count)}</td>
      <td>{hit.lengthKm === null ? '—' : formatKm(hit.lengthKm)}</td>
      <td>{hit.areaHa === null ? '—' : formatHa(hit.areaHa)}</td>
    </tr>
  );
}

export function AnalysisResult({ summary, onShow }: { summary: AnalysisSummary; onShow: (sublayerId: string, index: number) => void }) {
  const touched = summary.hits.filter((h) => h.count > 0);
  const untouched = summary.hits.filter((h) => h.count === 0);
  return (
    <div className="wb-result">
      <p className="wb-result-sentence">{resultSentence(summary)}</p>
      <table className="wb-result-table">
        <caption>Entités des couches thématiques dans la zone tampon</caption>
        <thead>
          <tr>
            <th scope="col">Couche</th>
            <th scope="col">Entités</th>
            <th scope="col">Longueur dans la zone</th>
            <th scope="col">Surface dans la zone</th>
          </tr>
        </thead>
        <tbody>
          {touched.map((h) => (
            <HitRow key={h.sublayerId} hit={h} onShow={onShow} />
          ))}
        </tbody>
      </table>
      {untouched.length > 0 && <p className="wb-hint">Aucune entité dans la zone pour : {untouched.map((h) => h.title).join(', ')}.</p>}
      {summary.missing?.length ? (
        <p className="wb-hint" role="note">
          Non analysées (données illisibles) : {summary.missing.join(' ; ')}
        </p>
      ) : null}
      <p className="wb-hint">
        Longueurs et surfaces mesurées avec les mêmes fonctions (Turf) que les fiches du rapport. Calculé le{' '}
        {new Date(summary.computedAt).toLocaleString('fr-FR')}.
      </p>
    </div>
  );
}
