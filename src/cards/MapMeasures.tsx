// What the map measures for a card beyond the report's own figures (areas of the parks, distance
// from each commune to its nearest waste site...), with the breakdown as a table.
import type { BuiltCard } from '../../layers/cards';
import { formatQuantity } from './format';

export function MapMeasures({ card }: { card: BuiltCard }) {
  if (card.mapMeasured.length === 0) return null;
  return (
    <section aria-labelledby="fiche-mesures">
      <h3 id="fiche-mesures">Ce que la carte mesure aussi</h3>
      <ul className="map-measures">
        {card.mapMeasured.map((m) => (
          <li key={m.id} data-mesure={m.id}>
            <p className="map-measure-main">
              <span>{m.label}</span> : <strong data-valeur="carte">{formatQuantity(m.value, m.unit)}</strong>
            </p>
            <p className="map-measure-why">{m.explanation}</p>
            {m.details && m.details.length > 0 && (
              <details>
                <summary>Détail ({m.details.length})</summary>
                <table className="map-measure-details">
                  <caption className="visually-hidden">{m.label} : détail</caption>
                  <tbody>
                    {m.details.map((d) => (
                      <tr key={d.label}>
                        <th scope="row">{d.label}</th>
                        <td className="num">{formatQuantity(d.value, m.unit)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
