// What the map measures for a card beyond the report's own figures (areas of the parks, distance
// from each commune to its nearest waste site...), with the breakdown as a table.
import type { BuiltCard } from '../../../layers/cards';
import { useI18n } from '../i18n';
import { useFrLang } from '../i18n/Localized';
import { formatQuantity } from './format';

export function MapMeasures({ card }: { card: BuiltCard }) {
  const { t, locale } = useI18n();
  const lang = useFrLang();
  if (card.mapMeasured.length === 0) return null;
  return (
    <section aria-labelledby="fiche-mesures">
      <h3 id="fiche-mesures">{t('cards.mapMeasures.title')}</h3>
      <ul className="map-measures">
        {card.mapMeasured.map((m) => (
          <li key={m.id} data-mesure={m.id}>
            <p className="map-measure-main">
              <span lang={lang}>{m.label}</span>
              {t('ui.colon')}
              <strong data-valeur="carte">{formatQuantity(m.value, m.unit, undefined, locale)}</strong>
            </p>
            <p className="map-measure-why" lang={lang}>
              {m.explanation}
            </p>
            {m.details && m.details.length > 0 && (
              <details>
                <summary>{t('ui.layer.details', { n: m.details.length })}</summary>
                <table className="map-measure-details">
                  <caption className="visually-hidden">{t('ui.layer.detailsCaption', { label: m.label })}</caption>
                  <tbody>
                    {m.details.map((d) => (
                      <tr key={d.label}>
                        <th scope="row" lang={lang}>
                          {d.label}
                        </th>
                        <td className="num">{formatQuantity(d.value, m.unit, undefined, locale)}</td>
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
