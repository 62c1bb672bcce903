// The card's figures: what the report says beside what the map measures, each with its verbatim
// quote and the report heading it stands under. One <tbody> per figure keeps its rows together.
import type { BuiltCard } from '../../layers/cards';
import { formatDifference, formatQuantity } from './format';
import { Quote } from './Quote';

export function FigureTable({ card }: { card: BuiltCard }) {
  return (
    <table className="figures">
      <caption>Chiffres du rapport et mesures de la carte</caption>
      <thead>
        <tr>
          <th scope="col">Chiffre</th>
          <th scope="col">Rapport</th>
          <th scope="col">Carte</th>
          <th scope="col">Écart</th>
        </tr>
      </thead>
      {card.figures.map((figure) => {
        const m = card.measured[figure.id];
        const rowId = `chiffre-${card.id}-${figure.id}`;
        return (
          <tbody key={figure.id} data-figure={figure.id}>
            <tr className="figure-main">
              <th scope="row" id={rowId}>
                {figure.label}
              </th>
              <td className="num" data-valeur="rapport">
                {formatQuantity(figure.value, figure.unit)}
              </td>
              <td className="num" data-valeur="carte">
                {m ? formatQuantity(m.value, m.unit, figure.unit) : <span className="no-data">pas de donnée</span>}
              </td>
              <td className="num" data-valeur="ecart">
                {m && m.difference !== null ? formatDifference(m.difference, m.unit, figure.unit) : <span className="visually-hidden">sans objet</span>}
              </td>
            </tr>
            <tr className="figure-detail">
              <td colSpan={4} headers={rowId}>
                {m ? (
                  <p className="explanation">
                    <strong>Explication : </strong>
                    {m.explanation}
                  </p>
                ) : (
                  <p className="explanation">
                    {figure.noMeasure ? `La carte n'a pas de donnée pour ce chiffre : ${figure.noMeasure}` : "La carte n'a pas de donnée pour ce chiffre."}
                  </p>
                )}
                <Quote text={figure.quote} section={figure.section} />
              </td>
            </tr>
          </tbody>
        );
      })}
    </table>
  );
}
