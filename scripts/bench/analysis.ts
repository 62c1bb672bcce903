// Section 6: buffer + intersect of a 10 km corridor against every thematic layer, with the app's own
// code: thematic-data.ts reads the layers over HTTP as the workbench worker does (a local server on
// the built data), analyseBuffer does the work. The corridor is the EuroVelo 5 as the atlas has it
// (its 19 segments, buffered 10 km each side). Baseline: a plain turf.buffer of the same segments,
// so the ratio says what the union and the intersections cost on top of buffering.
import { buffer, featureCollection } from '@turf/turf';
import { analyseBuffer } from '../../src/core/analysis/buffer-analysis';
import { loadThematic } from '../../src/core/analysis/thematic-data';
import { DATA_DIR } from './datasets';
import { serveDir } from './serve';
import { judge, median, type BenchLine } from './types';

export const CORRIDOR_M = 10_000;
const CORRIDOR_SUBLAYER = 'ev5-troncons';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export async function measureAnalysis(): Promise<BenchLine[]> {
  const server = await serveDir(DATA_DIR);
  let thematic: Awaited<ReturnType<typeof loadThematic>>;
  try {
    thematic = await loadThematic(server.url);
  } finally {
    await server.close();
  }
  if (thematic.missing.length) throw new Error(`analysis: layers unreadable: ${thematic.missing.join('; ')}`);
  const ev5 = thematic.inputs.find((t) => t.sublayerId === CORRIDOR_SUBLAYER);
  if (!ev5) throw new Error(`analysis: ${CORRIDOR_SUBLAYER} missing from the built data`);
  const source = { kind: 'espace' as const, itemId: 'bench-ev5', name: 'EuroVelo 5' };
  // Segment by segment, as analyseBuffer buffers them (one MultiLineString buffered at once is
  // slower than all of the analysis: turf's buffer then nodes every segment against the others).
  const sameLine = featureCollection(ev5.features);

  const analysisMs: number[] = [];
  const bufferMs: number[] = [];
  let output: ReturnType<typeof analyseBuffer> | null = null;
  for (let r = 0; r < RUNS; r++) {
    let t0 = performance.now();
    output = analyseBuffer(ev5.features, CORRIDOR_M, thematic.inputs, source);
    analysisMs.push(performance.now() - t0);
    t0 = performance.now();
    const zone = buffer(sameLine, CORRIDOR_M, { units: 'meters' });
    bufferMs.push(performance.now() - t0);
    if (!zone || zone.features.length === 0) throw new Error('analysis: turf.buffer returned nothing');
  }
  const hits = output!.summary.hits;
  return [
    judge({
      section: 6,
      id: 'buffer-intersect',
      label: `EV5 corridor ${CORRIDOR_M / 1000} km: buffer + intersect, ${thematic.inputs.length} sublayers`,
      value: median(analysisMs),
      unit: 'ms',
      baseline: { label: 'turf.buffer of the same segments', value: median(bufferMs), unit: 'ms' },
      details: {
        runs: RUNS,
        analysisMs: analysisMs.map(Math.round),
        bufferMs: bufferMs.map(Math.round),
        sourceSegments: ev5.features.length,
        thematicFeatures: thematic.inputs.reduce((n, t) => n + t.features.length, 0),
        bufferAreaHa: Math.round(output!.summary.bufferAreaHa),
        touched: Object.fromEntries(hits.map((h) => [h.sublayerId, h.count])),
      },
    }),
  ];
}
