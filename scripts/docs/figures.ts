// Writes the measured-figures tables of docs/ from the build's and the bench's outputs, between
// marker comments, so no figure in the docs is pasted by hand:
//   docs/data.md       ← public/data/catalog.json (what the pipeline measured)
//   docs/benchmarks.md ← the newest bench/reference/<date>.json (the reference run)
// `npm run docs:figures` rewrites them; `-- --check` exits 1 when a block is out of date (tests use
// the same functions).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Catalog, Metric } from '../../layers/types';
import { formatRatio, formatValue } from '../bench/table';
import type { BenchLine } from '../bench/types';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

const number = (value: number, digits = 2) => value.toLocaleString('en', { maximumFractionDigits: digits });
const metricText = (m: Metric) => {
  const unit = m.unit === 'nombre' ? '' : m.unit === 'habitants' ? ' inhabitants' : ` ${m.unit}`;
  const top = (m.details ?? [])
    .slice()
    .sort((a, b) => b.value - a.value)
    .slice(0, 3)
    .map((d) => `${d.label} ${number(d.value)}`)
    .join(', ');
  return `${m.label}: **${number(m.value)}${unit}**${top ? ` (${top}${(m.details?.length ?? 0) > 3 ? '…' : ''})` : ''}`;
};
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One row per layer: its status, features drawn per sublayer, and its metrics. */
export function catalogFiguresTable(catalog: Catalog): string {
  const rows = catalog.layers.map((layer) => {
    const drawn = layer.sublayers.map((s) => `${s.title}: ${number(s.featureCount, 0)}`).join('; ') || '—';
    const measured = layer.metrics.map(metricText).join('; ') || '—';
    const listed = layer.items.length ? `; ${layer.items.length} listed without geometry` : '';
    return `| ${cell(layer.title)} | ${layer.status} | ${cell(drawn + listed)} | ${cell(measured)} |`;
  });
  return [
    // No build date: the same mirror gives the same table, whatever the day of the build.
    'From `public/data/catalog.json` (`npm run data` over the open-data mirror):',
    '',
    '| layer | status | features drawn | measured |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

interface BenchReference {
  date: string;
  commit: string;
  cpus: number;
  loadAverage?: { before: number[]; after: number[] };
  lines: BenchLine[];
}

/** The reference run as a table: figure, baseline measured in the same run, ratio, target, met. */
export function benchReferenceTable(reference: BenchReference, file: string): string {
  const rows = reference.lines.map((l) => {
    const baseline = l.baseline ? `${l.baseline.label} ${formatValue(l.baseline.value, l.baseline.unit)}` : '—';
    const met = l.met === undefined ? '' : l.met ? ' ✓' : ' ✗';
    return `| ${l.section} | ${cell(l.label)} | ${formatValue(l.value, l.unit)} | ${cell(baseline)} | ${formatRatio(l) || '—'} | ${cell(l.target?.text ?? '—')}${met} |`;
  });
  const load = reference.loadAverage ? `, load average ${reference.loadAverage.before[0]} → ${reference.loadAverage.after[0]}` : '';
  return [
    `Reference run of ${reference.date.slice(0, 10)} (\`${file}\`, commit ${reference.commit.slice(0, 7)}, ${reference.cpus} cores${load}). ✓ = target met.`,
    '',
    '| § | measure | figure | baseline (same run) | ratio | target |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The newest committed reference run, by its dated file name. */
export function latestReference(root = PROJECT_ROOT): { file: string; reference: BenchReference } {
  const dir = join(root, 'bench', 'reference');
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
    .sort();
  if (!files.length) throw new Error('aucune mesure de référence dans bench/reference/');
  const file = `bench/reference/${files[files.length - 1]}`;
  return { file, reference: JSON.parse(readFileSync(join(root, file), 'utf8')) as BenchReference };
}

/** Replaces what lies between `<!-- generated:<name>:start -->` and its end marker. */
export function fillBlock(text: string, name: string, content: string): string {
  const start = `<!-- generated:${name}:start -->`;
  const end = `<!-- generated:${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`marqueurs ${start} … ${end} absents`);
  return `${text.slice(0, i + start.length)}\n${content}\n${text.slice(j)}`;
}

export function generatedDocs(root = PROJECT_ROOT): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const catalogPath = join(root, 'public', 'data', 'catalog.json');
  if (existsSync(catalogPath)) {
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as Catalog;
    const path = join(root, 'docs', 'data.md');
    out.push({ path, text: fillBlock(readFileSync(path, 'utf8'), 'catalog-figures', catalogFiguresTable(catalog)) });
  }
  const { file, reference } = latestReference(root);
  const path = join(root, 'docs', 'benchmarks.md');
  out.push({ path, text: fillBlock(readFileSync(path, 'utf8'), 'bench-reference', benchReferenceTable(reference, file)) });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { path, text } of generatedDocs()) {
    if (readFileSync(path, 'utf8') === text) continue;
    if (check) {
      stale++;
      console.error(`${path} : chiffres à régénérer (npm run docs:figures)`);
    } else {
      writeFileSync(path, text);
      console.log(`${path} : chiffres régénérés`);
    }
  }
  if (!existsSync(join(PROJECT_ROOT, 'public', 'data', 'catalog.json'))) console.warn('public/data/catalog.json absent : lancez npm run data');
  process.exit(stale ? 1 : 0);
}
