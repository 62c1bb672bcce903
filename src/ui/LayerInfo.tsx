// What the catalog says about a layer: caveat, measured metrics, features without geometry,
// what is missing, and the sources with producer, vintage and licence.
import type { CatalogLayer, CatalogSource, LayerDefinition } from '../../layers/types';
import { formatMetric, formatNumber } from './format';

function Metrics({ layer }: { layer: CatalogLayer }) {
  if (!layer.metrics.length) return null;
  return (
    <div className="metrics">
      <h4>Chiffres clés</h4>
      <dl>
        {layer.metrics.map((m) => (
          <div key={m.id} className="metric">
            <dt>{m.label}</dt>
            <dd className="metric-value">{formatMetric(m.value, m.unit)}</dd>
            {m.note && <dd className="metric-note">{m.note}</dd>}
            {m.details && m.details.length > 0 && (
              <dd className="metric-details">
                <details>
                  <summary>Détail ({m.details.length})</summary>
                  <table>
                    <caption className="visually-hidden">{m.label} : détail</caption>
                    <tbody>
                      {m.details.map((d) => (
                        <tr key={d.label}>
                          <th scope="row">{d.label}</th>
                          <td>{m.unit === '%' || m.unit === 'nombre' || m.unit === 'habitants' ? formatMetric(d.value, m.unit) : `${formatNumber(d.value)} ${m.unit}`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </dd>
            )}
          </div>
        ))}
      </dl>
    </div>
  );
}

function Items({ layer }: { layer: CatalogLayer }) {
  if (!layer.items.length) return null;
  return (
    <div className="items">
      <h4>Sans position sur la carte ({layer.items.length})</h4>
      <ul>
        {layer.items.map((item, i) => (
          <li key={`${item.name}-${i}`}>
            <strong>{item.name}</strong>
            {item.commune && <> — {item.commune}</>}
            {item.detail && <span className="note"> ({item.detail})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Sources({ ids, sources }: { ids: string[]; sources: CatalogSource[] }) {
  const list = ids.map((id) => sources.find((s) => s.id === id)).filter((s): s is CatalogSource => !!s);
  if (!list.length) return null;
  return (
    <details className="sources">
      <summary>Sources ({list.length})</summary>
      <ul>
        {list.map((s) => (
          <li key={s.id}>
            <span className="source-title">{s.title}</span> — {s.producer}, {s.vintage} ;{' '}
            {s.licenceUrl ? (
              <a href={s.licenceUrl} target="_blank" rel="noopener noreferrer">{s.licence}</a>
            ) : (
              s.licence
            )}
            {s.origin === 'absente' && <span className="note"> (absente de cette construction)</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function LayerInfo({ definition, entry, sources }: { definition: LayerDefinition; entry: CatalogLayer | undefined; sources: CatalogSource[] }) {
  return (
    <>
      {definition.caveat && (
        <p className="caveat">
          <strong>À savoir :</strong> {definition.caveat}
        </p>
      )}
      {entry && <Metrics layer={entry} />}
      {entry && <Items layer={entry} />}
      {entry?.missing && (
        <p className="missing">
          <strong>Géométrie manquante :</strong> {entry.missing}
        </p>
      )}
      <Sources ids={entry?.sources.length ? entry.sources : definition.sources} sources={sources} />
    </>
  );
}
