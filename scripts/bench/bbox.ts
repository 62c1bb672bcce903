// Section 4: bytes transferred to show one commune from the 1,000,000-feature FlatGeobuf over HTTP
// Range requests (flatgeobuf's own bbox reader walking the packed R-tree), vs the file's size.
// The commune is Lens, its bounds taken from the built communes layer.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { bbox } from '@turf/turf';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { bigDataset, DATA_DIR } from './datasets';
import { serveDir } from './serve';
import { judge, type BenchLine } from './types';

export const BBOX_COMMUNE = 'Lens';

/** The commune's bounds as the atlas has them (communes.fgb of the built data): never typed in by hand. */
export async function communeBounds(name: string): Promise<[number, number, number, number]> {
  const bytes = new Uint8Array(readFileSync(join(DATA_DIR, 'communes.fgb')));
  for await (const f of deserialize(bytes)) {
    if (f.properties?.nom === name) {
      const [minX, minY, maxX, maxY] = bbox(f);
      return [minX, minY, maxX, maxY];
    }
  }
  throw new Error(`bbox: commune « ${name} » absent de communes.fgb`);
}

export async function measureBbox(log: (line: string) => void = () => {}): Promise<BenchLine[]> {
  const big = bigDataset(log);
  const [minX, minY, maxX, maxY] = await communeBounds(BBOX_COMMUNE);
  const fileSize = statSync(big.fgb).size;
  const server = await serveDir(dirname(big.fgb));
  // flatgeobuf's HTTP reader logs every open with console.debug: keep the table readable.
  const debug = console.debug;
  console.debug = () => {};
  try {
    let features = 0;
    const t0 = performance.now();
    for await (const f of deserialize(`${server.url}${basename(big.fgb)}`, { rect: { minX, minY, maxX, maxY } })) if (f.geometry) features++;
    const ms = performance.now() - t0;
    const { bytesSent, requests, ranges } = server.stats();
    const percent = (bytesSent / fileSize) * 100;
    return [
      judge({
        section: 4,
        id: 'bbox-bytes',
        label: `bbox read of ${BBOX_COMMUNE} from ${(big.count / 1e6).toLocaleString('en')}M-feature .fgb: bytes sent`,
        value: bytesSent,
        unit: 'B',
        baseline: { label: 'file size', value: fileSize, unit: 'B' },
        target: { kind: 'ratio-max', value: 0.05, text: '< 5 % of the file' },
        details: {
          percent: Math.round(percent * 100) / 100,
          featuresReturned: features,
          featuresInFile: big.count,
          requests,
          ms: Math.round(ms),
          rect: [minX, minY, maxX, maxY],
          firstRanges: ranges.slice(0, 8),
        },
      }),
    ];
  } finally {
    console.debug = debug;
    await server.close();
  }
}
