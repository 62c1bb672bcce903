// Section 2: the same features decoded from FlatGeobuf vs parsed from GeoJSON text, in memory (file
// reads are outside the timings). Territory data (every .fgb of public/data) and the generated
// 1,000,000-feature file. Two FlatGeobuf readers: flatgeobuf's geojson.deserialize (what
// src/core/fgb/read.ts uses: one GeoJSON object per feature) and the columnar fast path (fgb-columnar.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { bigDataset, DATA_DIR } from './datasets';
import { readColumnar } from './fgb-columnar';
import { judge, median, type BenchLine, type Target } from './types';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// Only on the 1,000,000-feature file: on the territory's 4–80 KB files per-file and per-feature
// overhead dominates, so their lines are reported without a target (issue 14).
const TARGET: Target = { kind: 'speedup-min', value: 5, text: 'FlatGeobuf ≥ 5× faster' };

/** Fresh copy: flatgeobuf's typed-array views need an 8-byte aligned buffer, which Node's pooled Buffers do not promise. */
const readBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

async function decodeGeoJsonFeatures(bytes: Uint8Array): Promise<number> {
  let n = 0;
  for await (const feature of deserialize(bytes)) if (feature.geometry) n++;
  return n;
}

/** JSON.parse plus the walk every reader needs (take the features array, touch each geometry). */
function parseGeoJson(text: string): number {
  const collection = JSON.parse(text) as { features: { geometry: unknown }[] };
  let n = 0;
  for (const f of collection.features) if (f.geometry) n++;
  return n;
}

/** `npm run bench` starts Node with --expose-gc; elsewhere this is a no-op. */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

async function time<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

/**
 * Alternates the contenders run by run, so a noisy neighbour hurts all alike. The first `warmup`
 * rounds are not kept: JSON.parse is native, the JavaScript readers would otherwise be timed while
 * the JIT still compiles them.
 */
async function sample(contenders: Record<string, () => Promise<number> | number>, runs: number, repeat = 1, warmup = 1, gcBetween = false) {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const counts: Record<string, number> = {};
  for (let r = -warmup; r < runs; r++) {
    for (const [name, fn] of Object.entries(contenders)) {
      // The previous contender's garbage (a million parsed features) must not be collected on this
      // one's clock. Not for the small files: there a forced full GC costs the JS readers their warm state.
      if (gcBetween) collectGarbage();
      const { ms, result } = await time(async () => {
        let n = 0;
        for (let k = 0; k < repeat; k++) n = await fn();
        return n;
      });
      if (r >= 0) samples[name].push(ms / repeat);
      counts[name] = result;
    }
  }
  return { samples, counts };
}

const round = (xs: number[]) => xs.map((x) => Math.round(x * 100) / 100);

export async function measureDecode(log: (line: string) => void = () => {}): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];

  // (a) Territory: every .fgb, and the same features serialized to GeoJSON text (what a GeoJSON
  // build of the atlas would ship).
  const files = readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.fgb'))
    .sort();
  const territory = [] as { file: string; bytes: Uint8Array; text: string }[];
  for (const file of files) {
    const bytes = readBytes(join(DATA_DIR, file));
    const features = [];
    for await (const f of deserialize(bytes)) features.push({ type: 'Feature', geometry: f.geometry, properties: f.properties ?? {} });
    territory.push({ file, bytes, text: JSON.stringify({ type: 'FeatureCollection', features }) });
  }
  const fgbBytes = territory.reduce((n, t) => n + t.bytes.length, 0);
  const jsonBytes = territory.reduce((n, t) => n + t.text.length, 0);
  // The files are small: each sample decodes the whole set 10 times, for a measurable duration.
  const small = await sample(
    {
      fgb: async () => {
        let n = 0;
        for (const t of territory) n += await decodeGeoJsonFeatures(t.bytes);
        return n;
      },
      json: () => territory.reduce((n, t) => n + parseGeoJson(t.text), 0),
      columnar: () => territory.reduce((n, t) => n + readColumnar(t.bytes).count, 0),
    },
    3 * RUNS,
    10,
    3,
  );
  const territoryDetails = {
    files: files.length,
    features: small.counts.fgb,
    fgbBytes,
    geojsonBytes: jsonBytes,
    runs: 3 * RUNS,
    repeatPerSample: 10,
    warmupRounds: 3,
  };
  lines.push(
    judge({
      section: 2,
      id: 'territory-geojson',
      label: 'territory: flatgeobuf deserialize → GeoJSON',
      value: median(small.samples.fgb),
      unit: 'ms',
      baseline: { label: 'JSON.parse', value: median(small.samples.json), unit: 'ms' },
      details: { ...territoryDetails, fgbMs: round(small.samples.fgb), jsonMs: round(small.samples.json) },
    }),
    judge({
      section: 2,
      id: 'territory-columnar',
      label: 'territory: FlatGeobuf → columnar arrays',
      value: median(small.samples.columnar),
      unit: 'ms',
      baseline: { label: 'JSON.parse', value: median(small.samples.json), unit: 'ms' },
      details: { ...territoryDetails, columnarMs: round(small.samples.columnar), jsonMs: round(small.samples.json) },
    }),
  );
  if (small.counts.fgb !== small.counts.json || small.counts.columnar !== small.counts.json)
    throw new Error(`decode: feature counts differ (fgb ${small.counts.fgb}, columnar ${small.counts.columnar}, json ${small.counts.json})`);

  // (b) The generated 1,000,000 features. Three runs, no warm-up round: one JSON.parse of ~240 MB
  // takes seconds, and a million features warm the JIT up within the first run.
  const big = bigDataset(log);
  const text = readFileSync(big.geojson, 'utf8');
  const bytes = readBytes(big.fgb);
  const bigRuns = 3;
  const large = await sample(
    { fgb: () => decodeGeoJsonFeatures(bytes), json: () => parseGeoJson(text), columnar: () => readColumnar(bytes).count },
    bigRuns,
    1,
    0,
    true,
  );
  for (const [name, n] of Object.entries(large.counts)) if (n !== big.count) throw new Error(`decode: ${name} read ${n} features of ${big.count}`);
  const bigDetails = { features: big.count, fgbBytes: statSync(big.fgb).size, geojsonBytes: statSync(big.geojson).size, runs: bigRuns };
  lines.push(
    judge({
      section: 2,
      id: 'generated-geojson',
      label: `${(big.count / 1e6).toLocaleString('en')}M generated: flatgeobuf deserialize → GeoJSON`,
      value: median(large.samples.fgb),
      unit: 'ms',
      baseline: { label: 'JSON.parse', value: median(large.samples.json), unit: 'ms' },
      target: TARGET,
      details: { ...bigDetails, fgbMs: round(large.samples.fgb), jsonMs: round(large.samples.json) },
    }),
    judge({
      section: 2,
      id: 'generated-columnar',
      label: `${(big.count / 1e6).toLocaleString('en')}M generated: FlatGeobuf → columnar arrays`,
      value: median(large.samples.columnar),
      unit: 'ms',
      baseline: { label: 'JSON.parse', value: median(large.samples.json), unit: 'ms' },
      target: TARGET,
      details: { ...bigDetails, columnarMs: round(large.samples.columnar), jsonMs: round(large.samples.json) },
    }),
  );
  return lines;
}
