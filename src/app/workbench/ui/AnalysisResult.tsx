// What a buffer touches, per thematic layer: how many features, which ones, length and area inside.
import type { AnalysisSummary, SublayerHit } from '../../../core/types';
import { translate, useI18n, type Locale } from '../../i18n';
import { domainString } from '../../i18n/domain';
import { Domain, useFrLang } from '../../i18n/Localized';
import { formatInt } from './labels';
import { corridorSentence } from './corridor-sentence';

const dec = (digits: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const formatKm = (km: number, locale: Locale = 'fr'): string => `${dec(km < 10 ? 2 : 1, locale).format(km)} km`;
export const formatHa = (ha: number, locale: Locale = 'fr'): string => `${dec(ha < 100 ? 2 : 0, locale).format(ha)} ha`;

/** "Zone tampon 100 m : 3 entités de Communes, 2,10 km d'EuroVelo 5…" in one sentence. */
export function resultSentence(summary: AnalysisSummary, locale: Locale = 'fr'): string {
  const touched = summary.hits.filter((h) => h.count > 0);
  const colon = translate(locale, 'ui.colon');
  const parts = touched.map((h) => {
    const measure = h.lengthKm !== null ? ` (${formatKm(h.lengthKm, locale)})` : h.areaHa !== null ? ` (${formatHa(h.areaHa, locale)})` : '';
    return `${domainString(locale, h.title)}${colon}${formatInt(h.count, locale)}${measure}`;
  });
  return translate(locale, 'wb.result.sentence', {
    name: summary.source.name,
    distance: formatInt(summary.distanceM, locale),
    area: formatHa(summary.bufferAreaHa, locale),
    hits: parts.length ? parts.join(translate(locale, 'ui.semicolon')) : translate(locale, 'wb.result.nothing'),
  });
}

function HitRow({ hit, onShow }: { hit: SublayerHit; onShow: (sublayerId: string, index: number) => void }) {
  const { t, locale } = useI18n();
  const frLang = useFrLang();
  return (
    <tr>
      <th scope="row">
        <Domain>{hit.title}</Domain>
        {hit.count > 0 && (
          <details>
            <summary>{t('wb.result.see', { n: formatInt(hit.count, locale) })}</summary>
            <ul>
              {hit.features.map((f) => (
                <li key={f.index}>
                  <button type="button" className="link-button" onClick={() => onShow(hit.sublayerId, f.index)} lang={frLang}>
                    {f.name}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </th>
      <td>{formatInt(hit.count, locale)}</td>
      <td>{hit.lengthKm === null ? '—' : formatKm(hit.lengthKm, locale)}</td>
      <td>{hit.areaHa === null ? '—' : formatHa(hit.areaHa, locale)}</td>
    </tr>
  );
}

export function AnalysisResult({ summary, onShow }: { summary: AnalysisSummary; onShow: (sublayerId: string, index: number) => void }) {
  const { t, locale, fmt } = useI18n();
  const touched = summary.hits.filter((h) => h.count > 0);
  const untouched = summary.hits.filter((h) => h.count === 0);
  const corridors = corridorSentence(summary, locale);
  return (
    <div className="wb-result">
      <p className="wb-result-sentence">{resultSentence(summary, locale)}</p>
      {corridors && <p className="wb-result-sentence">{corridors}</p>}
      <table className="wb-result-table">
        <caption>{t('wb.result.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('wb.result.layer')}</th>
            <th scope="col">{t('wb.result.features')}</th>
            <th scope="col">{t('wb.result.length')}</th>
            <th scope="col">{t('wb.result.area')}</th>
          </tr>
        </thead>
        <tbody>
          {touched.map((h) => (
            <HitRow key={h.sublayerId} hit={h} onShow={onShow} />
          ))}
        </tbody>
      </table>
      {untouched.length > 0 && (
        <p className="wb-hint">{t('wb.result.untouched', { list: untouched.map((h) => domainString(locale, h.title)).join(', ') })}</p>
      )}
      {summary.missing?.length ? (
        <p className="wb-hint" role="note">
          {t('wb.result.missing')}
          <span lang={locale === 'fr' ? undefined : 'fr'}>{summary.missing.join(' ; ')}</span>
        </p>
      ) : null}
      <p className="wb-hint">{t('wb.result.method', { date: fmt.dateTime(summary.computedAt) })}</p>
    </div>
  );
}
