// The card's figures: what the report says beside what the map measures, each with its verbatim
// quote and the report heading it stands under. One <tbody> per figure keeps its rows together.
import type { BuiltCard } from '../../../layers/cards';
import { useI18n } from '../i18n';
import { useFrLang } from '../i18n/Localized';
import { formatDifference, formatQuantity } from './format';
import { Quote } from './Quote';

export function FigureTable({ card }: { card: BuiltCard }) {
  const { t, locale } = useI18n();
  const lang = useFrLang();
  return (
    <table className="figures">
      <caption>{t('cards.figures.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cards.figures.figure')}</th>
          <th scope="col">{t('cards.figures.report')}</th>
          <th scope="col">{t('cards.figures.map')}</th>
          <th scope="col">{t('cards.figures.difference')}</th>
        </tr>
      </thead>
      {card.figures.map((figure) => {
        const m = card.measured[figure.id];
        const rowId = `chiffre-${card.id}-${figure.id}`;
        return (
          <tbody key={figure.id} data-figure={figure.id}>
            <tr className="figure-main">
              <th scope="row" id={rowId} lang={lang}>
                {figure.label}
              </th>
              <td className="num" data-valeur="rapport">
                {formatQuantity(figure.value, figure.unit, undefined, locale)}
              </td>
              <td className="num" data-valeur="carte">
                {m ? formatQuantity(m.value, m.unit, figure.unit, locale) : <span className="no-data">{t('cards.noData')}</span>}
              </td>
              <td className="num" data-valeur="ecart">
                {m && m.difference !== null ? (
                  formatDifference(m.difference, m.unit, figure.unit, locale)
                ) : (
                  <span className="visually-hidden">{t('cards.notApplicable')}</span>
                )}
              </td>
            </tr>
            <tr className="figure-detail">
              <td colSpan={4} headers={rowId}>
                {m ? (
                  <p className="explanation">
                    <strong>{t('cards.figures.explanation')}</strong>
                    <span lang={lang}>{m.explanation}</span>
                  </p>
                ) : (
                  <p className="explanation">
                    {t('cards.figures.noMeasure')}
                    {figure.noMeasure ? (
                      <>
                        {t('ui.colon')}
                        <span lang={lang}>{figure.noMeasure}</span>
                      </>
                    ) : (
                      '.'
                    )}
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
