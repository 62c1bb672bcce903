// npm run bench [-- --only 2,4] [--reference]: runs the benchmarks of issue 7 in order, prints one
// table, writes bench/results.json (git-ignored) and, with --reference, a dated copy under
// bench/reference/ (committed). Every figure is compared with a baseline measured in the same run.
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './datasets';
import { formatTable } from './table';
import type { BenchLine } from './types';

type Log = (line: string) => void;

interface Section {
  number: number;
  title: string;
  run: (log: Log) => Promise<BenchLine[]>;
}

class SectionUnavailable extends Error {}

/**
 * Imports a section module that may not exist yet; any other failure (a bug inside it) still throws.
 * The specifier is computed so the type-checker does not require the file; the shape is declared.
 */
async function optional<M>(file: string): Promise<M> {
  try {
    return (await import(`./${file}`)) as M;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    // Only the section file itself: a module it imports that is missing is a real failure.
    const missing =
      (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') && new RegExp(`bench[/\\\\]${file}(\\.ts)?'`).test(String(e.message));
    if (missing) throw new SectionUnavailable(`scripts/bench/${file}.ts is not there yet`);
    throw error;
  }
}

const SECTIONS: Section[] = [
  { number: 1, title: 'Pipeline', run: async (log) => (await import('./pipeline')).measurePipeline(log) },
  { number: 2, title: 'Decode', run: async (log) => (await import('./decode')).measureDecode(log) },
  { number: 3, title: 'Start', run: async (log) => (await optional<{ measureStart(log: Log): Promise<BenchLine[]> }>('start')).measureStart(log) },
  { number: 4, title: 'Bounding-box streaming', run: async (log) => (await import('./bbox')).measureBbox(log) },
  {
    number: 5,
    title: 'Import',
    run: async (log) => (await optional<{ measureImportBench(log: Log): Promise<BenchLine[]> }>('import')).measureImportBench(log),
  },
  { number: 6, title: 'Analysis', run: async () => (await import('./analysis')).measureAnalysis() },
  { number: 7, title: 'Bundle', run: async (log) => (await import('./bundle')).measureBundle(log) },
  {
    number: 8,
    title: 'Memory',
    run: async (log) => (await optional<{ measureMemory(log: Log): Promise<BenchLine[]> }>('memory')).measureMemory(log),
  },
];

export function parseOnly(argv: string[]): Set<number> | null {
  const i = argv.indexOf('--only');
  if (i < 0) return null;
  const list = (argv[i + 1] ?? '').split(',').map((s) => Number(s.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1 || n > SECTIONS.length))
    throw new Error(`--only expects section numbers 1..${SECTIONS.length}, e.g. --only 2,4`);
  return new Set(list);
}

function gitCommit(): string | null {
  try {
    const hash = execSync('git rev-parse HEAD', { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${hash}-dirty` : hash;
  } catch {
    return null;
  }
}

async function main(argv: string[]): Promise<number> {
  const only = parseOnly(argv);
  const lines: BenchLine[] = [];
  const problems: { section: number; title: string; message: string }[] = [];
  const log: Log = (line) => console.log(line);
  const startedAt = new Date();
  const loadBefore = loadavg();
  for (const section of SECTIONS) {
    if (only && !only.has(section.number)) continue;
    console.log(`${section.number}. ${section.title}…`);
    const t0 = performance.now();
    try {
      const got = await section.run(log);
      lines.push(...got);
      console.log(`   ${got.length} line(s) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof SectionUnavailable ? `not available: ${error.message}` : `failed: ${(error as Error).stack ?? error}`;
      problems.push({ section: section.number, title: section.title, message });
      console.log(`   ${message}`);
    }
  }
  console.log(`\n${formatTable(lines)}\n`);
  for (const p of problems) console.log(`section ${p.section} (${p.title}) ${p.message.split('\n')[0]}`);

  const results = {
    date: startedAt.toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? null,
    loadAverage: { before: loadBefore, after: loadavg() },
    commit: gitCommit(),
    sections: only ? [...only].sort() : SECTIONS.map((s) => s.number),
    lines,
    problems,
  };
  const dir = join(PROJECT_ROOT, 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
  console.log(`written: bench/results.json`);
  if (argv.includes('--reference')) {
    mkdirSync(join(dir, 'reference'), { recursive: true });
    const copy = join(dir, 'reference', `${startedAt.toISOString().slice(0, 10)}.json`);
    copyFileSync(file, copy);
    console.log(`reference copy: bench/reference/${startedAt.toISOString().slice(0, 10)}.json`);
  }
  // A missed target is a finding, not a crash: only a failed section makes the exit code non-zero.
  return problems.some((p) => p.message.startsWith('failed')) ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
