// Formats bench lines as one plain-text table (section, label, figure, baseline, ratio, target, ✓/✗).
import type { BenchLine, Figure } from './types';

/** A figure in its unit, readable: ms below 10 s, then s; bytes as B, kB, MB (powers of 1000). */
export function formatValue(value: number, unit: string): string {
  const n = (x: number, digits: number) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  if (unit === 'ms') return value >= 10_000 ? `${n(value / 1000, 1)} s` : `${n(value, value < 10 ? 2 : 0)} ms`;
  if (unit === 'B') {
    if (value >= 1e6) return `${n(value / 1e6, 2)} MB`;
    if (value >= 1e4) return `${n(value / 1e3, 1)} kB`;
    return `${n(value, 0)} B`;
  }
  return `${n(value, Number.isInteger(value) ? 0 : 2)} ${unit}`.trim();
}

const figure = (f: Figure | undefined) => (f ? `${formatValue(f.value, f.unit)} (${f.label})` : '');

/** ratio shown as the target reads it: speed-ups as "5.2× faster", the rest as value/baseline. */
export function formatRatio(line: BenchLine): string {
  if (line.ratio === undefined) return '';
  if (line.target?.kind === 'speedup-min') return `${(1 / line.ratio).toFixed(2)}× faster`;
  return line.ratio < 0.1 ? `${(line.ratio * 100).toFixed(2)} %` : `${line.ratio.toFixed(2)}×`;
}

export function formatTable(lines: BenchLine[]): string {
  const header = ['§', 'measure', 'figure', 'baseline', 'ratio', 'target', ''];
  const rows = lines.map((l) => [
    String(l.section),
    l.label,
    formatValue(l.value, l.unit),
    figure(l.baseline),
    formatRatio(l),
    l.target?.text ?? '',
    l.met === undefined ? '' : l.met ? '✓' : '✗',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [fmt(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}
