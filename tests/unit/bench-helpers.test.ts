// The benchmark runner's pure parts: the table, the initial-chunk walk, the columnar FlatGeobuf
// reader (checked against flatgeobuf's own reader) and the generator. No timings here.
import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { writeFlatGeobuf } from '../../src/core/fgb/write';
import { appModules, htmlScripts, initialChunks, moduleOwner, type Manifest } from '../../scripts/bench/bundle-manifest';
import { bytesByOwner } from '../../scripts/bench/bundle';
import { decodeUtf8, readColumnar } from '../../scripts/bench/fgb-columnar';
import { CALL_BOX, generatedBuildings } from '../../scripts/bench/generate';
import { formatRatio, formatTable, formatValue } from '../../scripts/bench/table';
import { parseOnly } from '../../scripts/bench/run';
import { judge } from '../../scripts/bench/types';

describe('bench table', () => {
  it('formats values in their unit', () => {
    expect(formatValue(8.9, 'ms')).toBe('8.90 ms');
    expect(formatValue(7465.2, 'ms')).toBe('7,465 ms');
    expect(formatValue(12_700, 'ms')).toBe('12.7 s');
    expect(formatValue(9_530_000, 'B')).toBe('9.53 MB');
    expect(formatValue(33, 'modules')).toBe('33 modules');
  });

  it('reads speed-ups as the target does', () => {
    const faster = judge({
      section: 2,
      id: 'x',
      label: 'x',
      value: 1,
      unit: 'ms',
      baseline: { label: 'b', value: 6, unit: 'ms' },
      target: { kind: 'speedup-min', value: 5, text: '≥ 5×' },
    });
    expect(formatRatio(faster)).toBe('6.00× faster');
    expect(faster.met).toBe(true);
    const share = judge({
      section: 4,
      id: 'y',
      label: 'y',
      value: 4,
      unit: 'B',
      baseline: { label: 'file', value: 100, unit: 'B' },
      target: { kind: 'ratio-max', value: 0.05, text: '< 5 %' },
    });
    expect(formatRatio(share)).toBe('4.00 %');
  });

  it('prints one aligned row per line with the verdict', () => {
    const table = formatTable([
      judge({ section: 7, id: 'a', label: 'initial JS', value: 710_000, unit: 'B', target: { kind: 'max', value: 700_000, text: '≤ 700,000 B' } }),
      judge({ section: 6, id: 'b', label: 'analysis', value: 2000, unit: 'ms' }),
    ]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toMatch(/^7 +initial JS +710\.0 kB +≤ 700,000 B +✗$/);
    expect(table[3]).toMatch(/^6 +analysis +2,000 ms$/);
  });

  it('parses --only', () => {
    expect(parseOnly(['--only', '2,4'])).toEqual(new Set([2, 4]));
    expect(parseOnly([])).toBeNull();
    expect(() => parseOnly(['--only', '9'])).toThrow(/1\.\.8/);
  });
});

describe('initial chunks', () => {
  const manifest: Manifest = {
    'index.html': {
      file: 'assets/index.js',
      src: 'index.html',
      isEntry: true,
      imports: ['_react.js', '_map.js'],
      dynamicImports: ['src/workbench/ui/WorkbenchPanel.tsx'],
    },
    '_react.js': { file: 'assets/react.js' },
    '_map.js': { file: 'assets/map.js', imports: ['_react.js'] },
    'src/workbench/ui/WorkbenchPanel.tsx': { file: 'assets/WorkbenchPanel.js', isDynamicEntry: true, imports: ['_react.js', '_wb.js'] },
    '_wb.js': { file: 'assets/wb.js' },
  };

  it('follows static imports only, once each', () => {
    expect(initialChunks(manifest).map((c) => c.file)).toEqual(['assets/index.js', 'assets/react.js', 'assets/map.js']);
  });

  it('fails on an unknown chunk rather than under-counting', () => {
    expect(() => initialChunks({ 'index.html': { file: 'a.js', imports: ['_gone.js'] } })).toThrow(/_gone/);
  });

  it('reads module scripts and modulepreload links of the page, not stylesheets', () => {
    const html = `<script type="module" crossorigin src="./assets/index.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/react.js"><link rel="stylesheet" href="./assets/index.css">
      <script src="legacy.js"></script>`;
    expect(htmlScripts(html)).toEqual(['assets/index.js', 'assets/react.js']);
  });

  it('names the owner of a bundled module and finds lazy app modules', () => {
    expect(moduleOwner('../../../../main/node_modules/@deck.gl/core/dist/lib/deck.js')).toBe('@deck.gl/core');
    expect(moduleOwner('../../node_modules/a/node_modules/flatgeobuf/lib/x.js')).toBe('flatgeobuf');
    expect(moduleOwner('../../../src/app/workbench/useWorkspace.ts')).toBe('src/app/workbench');
    expect(moduleOwner('../../../src/app/App.tsx')).toBe('src/app');
    expect(moduleOwner('../../../src/core/fgb/write.ts')).toBe('src/core/fgb');
    expect(moduleOwner('../../../src/worker/workbench.worker.ts')).toBe('src/worker');
    const sources = ['../../../src/app/present/usePresent.ts', '../../../src/app/map/create-map.ts', '../../node_modules/x/src/app/workbench/a.js'];
    expect(appModules(sources, /^src\/app\/(workbench|present)\//)).toEqual(['src/app/present/usePresent.ts']);
  });

  it('attributes minified bytes through the source map', () => {
    // "AAAA" maps column 0 to source 0, "KCAA" moves 5 columns on and to the next source.
    const owners = bytesByOwner('aaaaabbb', { sources: ['node_modules/react/x.js', 'src/app/ui/y.ts'], mappings: 'AAAA,KCAA' });
    expect(Object.fromEntries(owners)).toEqual({ react: 5, 'src/app/ui': 3 });
  });
});

describe('columnar FlatGeobuf reader', () => {
  const asGeoJson = async (bytes: Uint8Array) => {
    const out: Feature<Geometry, Record<string, unknown>>[] = [];
    for await (const f of deserialize(bytes)) out.push(f as Feature<Geometry, Record<string, unknown>>);
    return out;
  };

  it('reads the same positions and properties as flatgeobuf, for every geometry kind', async () => {
    const features: Feature<Geometry, Record<string, unknown>>[] = [
      { type: 'Feature', properties: { nom: 'Liévin', n: 1, ok: true }, geometry: { type: 'Point', coordinates: [2.78, 50.42] } },
      {
        type: 'Feature',
        properties: { nom: 'EV5 — tronçon', n: 2.5, ok: false },
        geometry: {
          type: 'LineString',
          coordinates: [
            [2.8, 50.4],
            [2.81, 50.41],
            [2.82, 50.4],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { nom: 'cité 😀', n: 3, ok: null },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [2.7, 50.3],
              [2.75, 50.3],
              [2.75, 50.35],
              [2.7, 50.3],
            ],
            [
              [2.71, 50.31],
              [2.72, 50.31],
              [2.72, 50.32],
              [2.71, 50.31],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { nom: 'x'.repeat(2000), n: 4, ok: true },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [2.9, 50.4],
                [2.95, 50.4],
                [2.95, 50.45],
                [2.9, 50.4],
              ],
            ],
            [
              [
                [2.6, 50.3],
                [2.62, 50.3],
                [2.62, 50.32],
                [2.6, 50.3],
              ],
            ],
          ],
        },
      },
    ];
    const bytes = writeFlatGeobuf(features);
    const expected = await asGeoJson(bytes);
    const got = readColumnar(bytes);
    expect(got.count).toBe(expected.length);
    expected.forEach((f, i) => {
      const positions = [...got.positions.subarray(got.vertexStarts[i] * 2, got.vertexStarts[i + 1] * 2)];
      const flat = JSON.stringify(f.geometry)
        .match(/-?\d+\.?\d*(e-?\d+)?/g)!
        .map(Number);
      expect(positions).toEqual(flat);
      expect(got.properties.nom[i]).toBe(f.properties.nom);
      expect((got.properties.n as Float64Array)[i]).toBe(f.properties.n);
      expect(got.properties.ok[i]).toBe(f.properties.ok ?? null);
    });
    // Polygon with a hole: two rings; multipolygon: two polygons.
    const parts = (i: number) => got.partStarts[i + 1] - got.partStarts[i];
    expect(expected.map((_, i) => parts(i))).toEqual(
      expected.map((f) => (f.geometry.type === 'Polygon' ? 2 : f.geometry.type === 'MultiPolygon' ? 2 : 1)),
    );
  });

  it('decodes UTF-8 like TextDecoder, malformed bytes included', () => {
    const decoder = new TextDecoder();
    for (const s of ['', 'Lens', 'Hénin-Beaumont', 'Noyelles-lès-Vermelles', '€ 😀 ∑']) {
      const bytes = new TextEncoder().encode(s);
      expect(decodeUtf8(bytes, 0, bytes.length, decoder)).toBe(s);
    }
    const bad = new Uint8Array([0x41, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
    expect(decodeUtf8(bad, 0, bad.length, decoder)).toBe(decoder.decode(bad));
  });
});

describe('generated buildings', () => {
  it('are seeded, closed rectangles inside the CALL box', () => {
    const a = generatedBuildings(50);
    expect(generatedBuildings(50)).toEqual(a);
    const [w, s, e, n] = CALL_BOX;
    for (const f of a) {
      const ring = f.geometry.coordinates[0];
      expect(ring).toHaveLength(5);
      expect(ring[4]).toEqual(ring[0]);
      for (const [x, y] of ring) expect(x > w - 0.01 && x < e + 0.01 && y > s - 0.01 && y < n + 0.01).toBe(true);
    }
  });
});
