// A small chart placing the commune among the 36 for one figure: one bar per commune, largest
// first, the commune's bar dark, outlined and named (never colour alone); the same numbers as a
// table for screen readers and keyboard users.
import type { CommuneProfile } from '../../../layers/commune-profile';
import { useI18n } from '../i18n';
import { figureLabel, figureValue, rankText } from './format';

const W = 288;
const H = 72;

export function RankChart({ id, profile, all }: { id: string; profile: CommuneProfile; all: CommuneProfile[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const mine = profile.figures.find((f) => f.id === id);
  if (!mine) return null;
  const rows = all
    .map((c) => ({ code: c.code, nom: c.nom, figure: c.figures.find((f) => f.id === id)! }))
    .filter((r) => r.figure)
    .sort((a, b) => b.figure.value - a.figure.value || a.nom.localeCompare(b.nom, 'fr'));
  const max = Math.max(...rows.map((r) => r.figure.value), 1e-9);
  const step = W / rows.length;
  const label = figureLabel(i18n, mine);
  const alt = t('commune.chart.alt', { label, nom: profile.nom, rank: rankText(i18n, mine), value: figureValue(i18n, mine) });
  const at = rows.findIndex((r) => r.code === profile.code);
  return (
    <figure className="rank-chart">
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-label={alt}>
        {rows.map((r, i) => {
          const h = Math.max((r.figure.value / max) * H, r.figure.value > 0 ? 1 : 0);
          const own = r.code === profile.code;
          return (
            <rect
              key={r.code}
              x={i * step + 0.5}
              y={H - h}
              width={Math.max(step - 1.5, 1)}
              height={h}
              className={own ? 'rank-bar rank-bar-own' : 'rank-bar'}
            />
          );
        })}
        <path d={`M${(at + 0.5) * step} ${H + 3} l -5 9 h 10 Z`} className="rank-marker" />
        <line x1={0} x2={W} y1={H + 0.5} y2={H + 0.5} className="rank-axis" />
      </svg>
      <p className="rank-chart-text">{alt}</p>
      <details>
        <summary>{t('commune.chart.table')}</summary>
        <table>
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{t('commune.col.rank')}</th>
              <th scope="col">{t('commune.chart.col.commune')}</th>
              <th scope="col">{t('commune.col.value')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className={r.code === profile.code ? 'rank-row-own' : undefined}>
                <td>{r.figure.rank}</td>
                <th scope="row">{r.code === profile.code ? <strong>{r.nom}</strong> : r.nom}</th>
                <td className="num">{figureValue(i18n, r.figure)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
