// A card's chart, drawn as SVG by our code: 'barres' = one horizontal bar per figure (reported,
// solid; measured by the map, hatched, when comparable), 'parts' = stacked bar(s) of shares.
// Every value is also written as text, and the same numbers are in a table below the drawing.
import { useId } from 'react';
import type { BuiltCard, CardChart as CardChartSpec, CardFigure, MeasuredValue } from '../../../layers/cards';
import { barScale } from './chart-scale';
import { formatQuantity, formatShare } from './format';
import { translate, useI18n, type Locale } from '../i18n';
import { useFrLang } from '../i18n/Localized';

const WIDTH = 360;
const FONT = 12;
const LINE = 15;
/** Room kept right of the longest bar for its value text. */
const VALUE_ROOM = 118;
/** Approximate characters per label line at FONT px over WIDTH (system sans-serif). */
const LABEL_CHARS = 54;

interface Row {
  figure: CardFigure;
  measured: MeasuredValue | null;
}

function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Measured values are drawn only when they measure the same quantity (the pipeline gave a difference). */
function rowsOf(card: BuiltCard, chart: CardChartSpec): Row[] {
  return chart.figures.flatMap((id) => {
    const figure = card.figures.find((f) => f.id === id);
    if (!figure) return [];
    const m = card.measured[id];
    return [{ figure, measured: m && m.difference !== null ? m : null }];
  });
}

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-hachures`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="chart-measured-bg" />
        <line x1="0" y1="0" x2="0" y2="6" className="chart-hatch" strokeWidth="3" />
      </pattern>
      <pattern id={`${prefix}-points`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" className="chart-measured-bg" />
        <circle cx="2.5" cy="2.5" r="1.3" className="chart-dot" />
      </pattern>
      <pattern id={`${prefix}-croisillons`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="chart-measured-bg" />
        <path d="M0 0L6 6M6 0L0 6" className="chart-hatch" strokeWidth="1.2" />
      </pattern>
    </defs>
  );
}

function drawBars({ rows, unit, prefix, locale }: { rows: Row[]; unit: string; prefix: string; locale: Locale }) {
  const compared = rows.some((r) => r.measured);
  const scale = barScale(
    rows.flatMap((r) => [r.figure.value, r.measured?.value ?? 0]),
    WIDTH,
    VALUE_ROOM,
  );
  let y = 4;
  const items = rows.map(({ figure, measured }) => {
    const labelLines = wrap(figure.label, LABEL_CHARS);
    const top = y;
    const barsTop = top + labelLines.length * LINE + 2;
    const bars: { kind: 'rapport' | 'carte'; value: number; unit: string }[] = [{ kind: 'rapport', value: figure.value, unit: figure.unit }];
    if (measured) bars.push({ kind: 'carte', value: measured.value, unit: measured.unit });
    y = barsTop + bars.length * 18 + 10;
    return (
      <g key={figure.id}>
        <text x={0} y={top + FONT} className="chart-label">
          {labelLines.map((l, i) => (
            <tspan key={i} x={0} dy={i === 0 ? 0 : LINE}>
              {l}
            </tspan>
          ))}
        </text>
        {/* Below zero, a bar goes left of a zero line (beside the bars, not across the labels): the sign reads without colour. */}
        {scale.diverging && <line x1={scale.zero} x2={scale.zero} y1={barsTop - 2} y2={barsTop + bars.length * 18 - 2} className="chart-zero" />}
        {bars.map((b, i) => {
          const by = barsTop + i * 18;
          const bar = scale.place(b.value);
          return (
            <g key={b.kind}>
              <rect
                x={bar.x}
                y={by}
                width={Math.max(bar.width, 1)}
                height={14}
                className={b.kind === 'rapport' ? 'chart-reported' : 'chart-measured'}
                fill={b.kind === 'carte' ? `url(#${prefix}-hachures)` : undefined}
              />
              <text x={bar.textX} y={by + 11} className="chart-value" textAnchor={bar.anchor}>
                {formatQuantity(b.value, b.unit, unit, locale)}
                {compared ? ` (${translate(locale, b.kind === 'rapport' ? 'cards.chart.reportShort' : 'cards.chart.mapShort')})` : ''}
              </text>
            </g>
          );
        })}
      </g>
    );
  });
  return { height: y, content: <>{items}</> };
}

/** Fills for successive shares: pattern as well as tone, so that no two neighbours differ by colour only. */
const SHARE_FILLS = ['solid', 'hachures', 'points', 'croisillons'] as const;
const fillOf = (i: number, prefix: string): { className: string; fill?: string } => {
  const f = SHARE_FILLS[i % SHARE_FILLS.length];
  return f === 'solid' ? { className: 'chart-reported' } : { className: 'chart-measured', fill: `url(#${prefix}-${f})` };
};

/** Shares given in % that add up to at most 100 are drawn on a 0-100 % bar, the rest left empty. */
const isPercentOfWhole = (unit: string, values: number[]): boolean => unit === '%' && values.reduce((a, b) => a + b, 0) <= 100.5;

function drawParts({ rows, unit, prefix, locale }: { rows: Row[]; unit: string; prefix: string; locale: Locale }) {
  const series = [{ name: translate(locale, 'cards.chart.report'), values: rows.map((r) => r.figure.value) }];
  if (rows.length > 0 && rows.every((r) => r.measured))
    series.push({ name: translate(locale, 'cards.chart.map'), values: rows.map((r) => r.measured!.value) });
  const percent = series.every((s) => isPercentOfWhole(unit, s.values));
  const labelWidth = 54;
  const barWidth = WIDTH - labelWidth - 8;
  let y = 4;
  const bars = series.map((s) => {
    const total = percent ? 100 : s.values.reduce((a, b) => a + b, 0) || 1;
    let x = labelWidth;
    const top = y;
    y += percent ? 42 : 30;
    return (
      <g key={s.name}>
        <text x={0} y={top + 15} className="chart-label">
          {s.name}
        </text>
        {percent && <rect x={labelWidth} y={top} width={barWidth} height={22} className="chart-rest" />}
        {s.values.map((v, i) => {
          const w = (v / total) * barWidth;
          const rect = <rect key={i} x={x} y={top} width={Math.max(w, 0)} height={22} stroke="currentColor" strokeWidth={1} {...fillOf(i, prefix)} />;
          x += w;
          return rect;
        })}
        {percent && (
          <>
            <text x={labelWidth} y={top + 36} className="chart-axis">
              0
            </text>
            <text x={labelWidth + barWidth} y={top + 36} className="chart-axis" textAnchor="end">
              {formatShare(1, locale)}
            </text>
          </>
        )}
      </g>
    );
  });
  y += 4;
  const reportedTotal = series[0].values.reduce((a, b) => a + b, 0) || 1;
  const legend = rows.map(({ figure, measured }, i) => {
    const share = percent ? '' : ` (${formatShare(figure.value / reportedTotal, locale)})`;
    const colon = translate(locale, 'ui.colon');
    const mapPart = measured
      ? `${translate(locale, 'ui.semicolon')}${translate(locale, 'cards.chart.mapShort')}${colon}${formatQuantity(measured.value, measured.unit, unit, locale)}`
      : '';
    const text = `${figure.label}${colon}${formatQuantity(figure.value, figure.unit, unit, locale)}${share}${mapPart}`;
    const lines = wrap(text, LABEL_CHARS - 4);
    const top = y;
    y += lines.length * LINE + 6;
    return (
      <g key={figure.id}>
        <rect x={0} y={top + 1} width={14} height={14} stroke="currentColor" strokeWidth={1} {...fillOf(i, prefix)} />
        <text x={20} y={top + FONT} className="chart-label">
          {lines.map((l, j) => (
            <tspan key={j} x={20} dy={j === 0 ? 0 : LINE}>
              {l}
            </tspan>
          ))}
        </text>
      </g>
    );
  });
  return {
    height: y,
    content: (
      <>
        {bars}
        {legend}
      </>
    ),
  };
}

export function CardChart({ card, chart }: { card: BuiltCard; chart: CardChartSpec }) {
  const { t, locale } = useI18n();
  const lang = useFrLang();
  const prefix = `graphique-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const rows = rowsOf(card, chart);
  if (!rows.length) return null;
  const drawn = chart.kind === 'parts' ? drawParts({ rows, unit: chart.unit, prefix, locale }) : drawBars({ rows, unit: chart.unit, prefix, locale });
  const anyMeasured = rows.some((r) => r.measured);
  const kindText = chart.kind === 'parts' ? t('cards.chart.parts') : t('cards.chart.bars');
  const total = rows.reduce((a, r) => a + r.figure.value, 0) || 1;
  const showShare = chart.kind === 'parts' && chart.unit !== '%';
  return (
    <figure className="card-chart" data-chart={chart.id}>
      <figcaption lang={lang} id={`${prefix}-titre`}>
        {chart.title}
      </figcaption>
      {lang && (
        <p hidden>
          <span id={`${prefix}-nature`}>{kindText}</span> <span id={`${prefix}-note`}>{t('cards.chart.tableNote')}</span>
        </p>
      )}
      {chart.kind === 'barres' && anyMeasured && (
        <ul className="chart-legend" aria-hidden="true">
          <li>
            <svg width="18" height="12">
              <rect width="18" height="12" className="chart-reported" />
            </svg>{' '}
            {t('cards.chart.report')}
          </li>
          {anyMeasured && (
            <li>
              <svg width="18" height="12">
                <Patterns prefix={`${prefix}-legende`} />
                <rect width="18" height="12" className="chart-measured" fill={`url(#${prefix}-legende-hachures)`} />
              </svg>{' '}
              {t('cards.chart.measuredLegend')}
            </li>
          )}
        </ul>
      )}
      <svg
        className="chart-svg"
        viewBox={`0 0 ${WIDTH} ${drawn.height}`}
        role="img"
        // In English the French title keeps its lang: the name is built from marked elements instead.
        aria-label={lang ? undefined : t('cards.chart.label', { kind: kindText, title: chart.title })}
        aria-labelledby={lang ? `${prefix}-nature ${prefix}-titre ${prefix}-note` : undefined}
      >
        <Patterns prefix={prefix} />
        {drawn.content}
      </svg>
      <details className="chart-table">
        <summary>{t('cards.chart.table')}</summary>
        <table>
          <caption className="visually-hidden" lang={lang}>
            {chart.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('cards.figures.figure')}</th>
              <th scope="col">{t('cards.figures.report')}</th>
              {showShare && <th scope="col">{t('cards.chart.share')}</th>}
              <th scope="col">{t('cards.figures.map')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ figure }) => {
              const m = card.measured[figure.id];
              return (
                <tr key={figure.id} data-figure={figure.id}>
                  <th scope="row" lang={lang}>
                    {figure.label}
                  </th>
                  <td>{formatQuantity(figure.value, figure.unit, undefined, locale)}</td>
                  {showShare && <td>{formatShare(figure.value / total, locale)}</td>}
                  <td>{m ? formatQuantity(m.value, m.unit, figure.unit, locale) : t('cards.noData')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
