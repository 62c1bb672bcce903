// Communes side by side (#communes=62498,62510): one row per figure, one column per commune,
// each cell with the value and the rank among the 36.
import type { CommuneProfile } from '../../../layers/commune-profile';
import { useI18n } from '../i18n';
import { figureLabel, figureValueOrNone, rankText } from './format';

export function CompareTable({ profiles }: { profiles: CommuneProfile[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = profiles.map((p) => p.nom).join(', ');
  return (
    <article className="commune-page" aria-labelledby="commune-titre">
      <h1 id="commune-titre" tabIndex={-1}>
        {t('commune.compare.title')}
      </h1>
      <div className="commune-compare-scroll commune-table-scroll" role="region" aria-labelledby="comparaison-legende" tabIndex={0}>
        <table className="commune-figures commune-compare">
          <caption id="comparaison-legende">{t('commune.compare.caption', { names })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commune.col.figure')}</th>
              {profiles.map((p) => (
                <th scope="col" key={p.code}>
                  <a href={`#commune=${p.code}`} aria-label={t('commune.compare.open', { nom: p.nom })}>
                    {p.nom}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {profiles[0].figures.map((f0) => (
              <tr key={f0.id} data-figure={f0.id}>
                <th scope="row">{figureLabel(i18n, f0)}</th>
                {profiles.map((p) => {
                  const f = p.figures.find((x) => x.id === f0.id)!;
                  return (
                    <td key={p.code} className={f.value === 0 && f.none ? 'commune-none' : 'num'}>
                      {figureValueOrNone(i18n, f)}
                      <span className="commune-rank">{rankText(i18n, f)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="commune-note">{t('commune.gapNote')}</p>
    </article>
  );
}
