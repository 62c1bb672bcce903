// The commune's figures: value (or what it lacks), rank among the 36, CALL total, the features
// behind each figure as links to the map.
import type { CommuneProfile, FigureTotal } from '../../../layers/commune-profile';
import { useI18n } from '../i18n';
import { figureLabel, figureValueOrNone, mapLink, rankText, totalText } from './format';

export function FiguresTable({ profile, totals, only }: { profile: CommuneProfile; totals: FigureTotal[]; only?: string[] }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const figures = only ? profile.figures.filter((f) => only.includes(f.id)) : profile.figures;
  const captionId = `chiffres-legende-${profile.code}${only ? '-court' : ''}`;
  // On a phone the table scrolls inside its own box (focusable, named by its caption), not the page.
  return (
    <div className="commune-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="commune-figures">
        <caption id={captionId}>{t('commune.figures.caption', { nom: profile.nom })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('commune.col.figure')}</th>
            <th scope="col">{t('commune.col.value')}</th>
            <th scope="col">{t('commune.col.rank')}</th>
            <th scope="col">{t('commune.col.total')}</th>
            {!only && <th scope="col">{t('commune.col.features')}</th>}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.id} data-figure={f.id}>
              <th scope="row">{figureLabel(i18n, f)}</th>
              <td className={f.value === 0 && f.none ? 'commune-none' : 'num'}>
                {figureValueOrNone(i18n, f)}
                {f.approximate && <span className="commune-approx">{t('commune.approx', { why: f.approximate })}</span>}
              </td>
              <td className="commune-rank">{rankText(i18n, f)}</td>
              <td>
                {totalText(
                  i18n,
                  f,
                  totals.find((x) => x.id === f.id),
                )}
                {f.sharePercent !== undefined && f.value > 0 && (
                  <span className="commune-share">{t('commune.share', { share: fmt.number(f.sharePercent, 1) })}</span>
                )}
              </td>
              {!only && (
                <td>
                  {f.features && f.features.length > 0 && (
                    <details>
                      <summary>{t('commune.features.show', { n: f.features.length })}</summary>
                      <ul>
                        {f.features.map((r) => (
                          <li key={`${r.sublayer}/${r.index}`}>
                            <a href={mapLink(profile.bounds, r)}>{r.name}</a>
                            {r.counted === false && ` ${t('commune.features.partly')}`}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
