import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Feature, Geometry } from 'geojson';
import { ByteBuffer } from 'flatbuffers';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { deserializeFiltered } from 'flatgeobuf/lib/mjs/geojson/featurecollection.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { Rect } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFlatGeobuf } from '../../src/core/fgb/write';

type Props = Record<string, unknown> | null;
type F = Feature<Geometry, Props>;

const feature = (geometry: Geometry, properties: Props = {}): F => ({ type: 'Feature', geometry, properties });

async function readAll(bytes: Uint8Array, rect?: Rect): Promise<{ features: F[]; header: HeaderMeta | null }> {
  let header: HeaderMeta | null = null;
  const features: F[] = [];
  for await (const f of deserialize(bytes, { rect, headerMetaFn: (h) => (header = h) })) features.push(f as unknown as F);
  return { features, header };
}

/** 100 × 100 grid of points around Lens, each tagged with its creation index. */
function gridPoints(): F[] {
  const points: F[] = [];
  for (let i = 0; i < 100; i++)
    for (let j = 0; j < 100; j++) points.push(feature({ type: 'Point', coordinates: [2.7 + i * 0.001, 50.4 + j * 0.001] }, { n: i * 100 + j }));
  return points;
}

type Box = [number, number, number, number];
function bboxOf(g: Geometry): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  const walk = (geom: Geometry): void => (geom.type === 'GeometryCollection' ? geom.geometries.forEach(walk) : visit(geom.coordinates));
  walk(g);
  return box;
}

const intersects = (b: Box, r: Rect): boolean => !(b[2] < r.minX || b[3] < r.minY || b[0] > r.maxX || b[1] > r.maxY);

const ids = (fs: F[]): number[] => fs.map((f) => f.properties?.n as number).sort((a, b) => a - b);

const RECTS: Rect[] = [
  { minX: 2.7305, minY: 50.4205, maxX: 2.7455, maxY: 50.4355 }, // interior, between grid lines
  { minX: 2.71, minY: 50.41, maxX: 2.72, maxY: 50.43 }, // edges exactly on grid points
  { minX: 2.0, minY: 50.0, maxX: 2.7, maxY: 50.4 }, // touches only the corner point
  { minX: 2.7995, minY: 50.4, maxX: 3, maxY: 51 }, // last column
  { minX: 0, minY: 0, maxX: 1, maxY: 1 }, // far away: nothing
  { minX: -180, minY: -90, maxX: 180, maxY: 90 }, // everything
];

beforeAll(() => {
  // flatgeobuf's tree search logs every step at debug level.
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});

describe('writeFlatGeobuf', () => {
  it('round-trips geometries and typed properties through the full-file read', async () => {
    const input: F[] = [
      feature(
        {
          type: 'Polygon',
          coordinates: [
            [
              [2.8, 50.4],
              [2.9, 50.4],
              [2.9, 50.5],
              [2.8, 50.4],
            ],
          ],
        },
        { name: 'Liévin — centre', code: 62510, pop: 30_000_000_000, area: 12.75, active: true, tags: { a: [1, 'é'] } },
      ),
      feature(
        {
          type: 'Polygon',
          coordinates: [
            [
              [2.6, 50.3],
              [2.7, 50.3],
              [2.7, 50.4],
              [2.6, 50.3],
            ],
          ],
        },
        { name: 'Lens', code: 62498, pop: 31_000, area: null, active: false, extra: 'only here' },
      ),
      feature(
        {
          type: 'Polygon',
          coordinates: [
            [
              [3, 51],
              [3.1, 51],
              [3.1, 51.1],
              [3, 51],
            ],
          ],
        },
        null,
      ),
    ];
    const { features, header } = await readAll(writeFlatGeobuf(input));

    expect(features).toHaveLength(3);
    expect(header?.columns?.map((c) => [c.name, c.type])).toEqual([
      ['name', ColumnType.String],
      ['code', ColumnType.Int],
      ['pop', ColumnType.Long],
      ['area', ColumnType.Double],
      ['active', ColumnType.Bool],
      ['tags', ColumnType.Json],
      ['extra', ColumnType.String],
    ]);
    const byName = (name: string | undefined) => features.find((f) => f.properties?.name === name);
    expect(byName('Liévin — centre')?.properties).toEqual(input[0].properties);
    expect(byName('Liévin — centre')?.geometry).toEqual(input[0].geometry);
    // Null values are omitted, not stored.
    expect(byName('Lens')?.properties).toEqual({ name: 'Lens', code: 62498, pop: 31_000, active: false, extra: 'only here' });
    expect(byName(undefined)?.properties).toEqual({});
    expect(byName(undefined)?.geometry).toEqual(input[2].geometry);
  });

  it('stores a key with mixed value types as String', async () => {
    const input = [
      feature({ type: 'Point', coordinates: [1, 1] }, { v: 1.5, k: 1 }),
      feature({ type: 'Point', coordinates: [2, 2] }, { v: 'x', k: 2 }),
      feature({ type: 'Point', coordinates: [3, 3] }, { v: true, k: 3 }),
      feature({ type: 'Point', coordinates: [4, 4] }, { v: { o: 1 }, k: 4 }),
    ];
    const { features, header } = await readAll(writeFlatGeobuf(input));
    expect(header?.columns?.[0]).toMatchObject({ name: 'v', type: ColumnType.String });
    const byK = new Map(features.map((f) => [f.properties?.k, f.properties?.v]));
    expect([1, 2, 3, 4].map((k) => byK.get(k))).toEqual(['1.5', 'x', 'true', '{"o":1}']);
  });

  it('writes the header: count, node size, EPSG:4326, envelope, name and description', async () => {
    const input = [feature({ type: 'Point', coordinates: [2.8, 50.43] }), feature({ type: 'Point', coordinates: [2.9, 50.4] })];
    const bytes = writeFlatGeobuf(input, { name: 'communes', description: 'CALL' });
    const { header } = await readAll(bytes);
    expect(header).toMatchObject({
      featuresCount: 2,
      indexNodeSize: 16,
      geometryType: GeometryType.Point,
      crs: { org: 'EPSG', code: 4326 },
      description: 'CALL',
    });
    expect(Array.from(header?.envelope ?? [])).toEqual([2.8, 50.4, 2.9, 50.43]);
    // HeaderMeta does not expose the layer name: read it from the flatbuffer.
    expect(Header.getSizePrefixedRootAsHeader(new ByteBuffer(bytes.subarray(8))).name()).toBe('communes');

    const custom = await readAll(writeFlatGeobuf(input, { nodeSize: 4 }));
    expect(custom.header?.indexNodeSize).toBe(4);
  });

  it('bbox reads on 10,000 grid points return exactly the brute-force matches', async () => {
    const points = gridPoints();
    for (const nodeSize of [16, 2, 100]) {
      const bytes = writeFlatGeobuf(points, { nodeSize });
      for (const rect of RECTS) {
        const expected = ids(points.filter((p) => intersects(bboxOf(p.geometry), rect)));
        const { features } = await readAll(bytes, rect);
        expect(ids(features), `nodeSize ${nodeSize}, rect ${JSON.stringify(rect)}`).toEqual(expected);
      }
    }
    // Sanity: the rects above cover the empty, single-point and full cases.
    expect(ids(points.filter((p) => intersects(bboxOf(p.geometry), RECTS[2])))).toEqual([0]);
  });

  it('orders features along the Hilbert curve, so index leaves group neighbours', async () => {
    // Deterministic shuffle, so the input order carries no locality.
    const points = gridPoints();
    let seed = 42;
    for (let i = points.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [points[i], points[j]] = [points[j], points[i]];
    }
    // Mean half-perimeter, in grid cells, of the boxes of consecutive 16-feature runs.
    const meanRunSize = (fs: F[]): number => {
      let total = 0;
      let runs = 0;
      for (let i = 0; i < fs.length; i += 16) {
        const box = fs
          .slice(i, i + 16)
          .map((f) => bboxOf(f.geometry))
          .reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
        total += (box[2] - box[0] + box[3] - box[1]) / 0.001;
        runs++;
      }
      return total / runs;
    };
    const { features } = await readAll(writeFlatGeobuf(points));
    expect(meanRunSize(points)).toBeGreaterThan(100);
    // A perfect 4 × 4 block measures 6; the 100-cell grid is not a power of two.
    expect(meanRunSize(features)).toBeLessThan(9);
  });

  it('bbox reads work for small feature counts (tree edge cases)', async () => {
    const points = gridPoints();
    for (const count of [1, 2, 16, 17, 257]) {
      const subset = points.slice(0, count);
      const bytes = writeFlatGeobuf(subset);
      expect((await readAll(bytes)).features).toHaveLength(count);
      for (const rect of RECTS) {
        const expected = ids(subset.filter((p) => intersects(bboxOf(p.geometry), rect)));
        expect(ids((await readAll(bytes, rect)).features), `count ${count}`).toEqual(expected);
      }
    }
  });

  it('mixes geometry types in one file (header type Unknown) and bbox-reads them', async () => {
    const geometries: Geometry[] = [
      { type: 'Point', coordinates: [2.83, 50.43] },
      {
        type: 'MultiPoint',
        coordinates: [
          [2.7, 50.4],
          [2.71, 50.41],
        ],
      },
      {
        type: 'LineString',
        coordinates: [
          [2.75, 50.45],
          [2.8, 50.5],
          [2.85, 50.45],
        ],
      },
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [2.9, 50.3],
            [2.95, 50.35],
          ],
          [
            [2.96, 50.36],
            [2.99, 50.39],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [2.6, 50.6],
            [2.7, 50.6],
            [2.7, 50.7],
            [2.6, 50.7],
            [2.6, 50.6],
          ],
          [
            [2.62, 50.62],
            [2.64, 50.62],
            [2.64, 50.64],
            [2.62, 50.62],
          ],
        ],
      },
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [3.0, 50.0],
              [3.1, 50.0],
              [3.1, 50.1],
              [3.0, 50.0],
            ],
          ],
          [
            [
              [3.2, 50.2],
              [3.3, 50.2],
              [3.3, 50.3],
              [3.2, 50.2],
            ],
          ],
        ],
      },
      {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [2.5, 50.5] },
          {
            type: 'LineString',
            coordinates: [
              [2.5, 50.5],
              [2.55, 50.55],
            ],
          },
        ],
      },
    ];
    const input = geometries.map((g, n) => feature(g, { n }));
    const bytes = writeFlatGeobuf(input);
    const { features, header } = await readAll(bytes);
    expect(header?.geometryType).toBe(GeometryType.Unknown);
    expect(features).toHaveLength(geometries.length);
    for (const f of features) expect(f.geometry).toEqual(geometries[f.properties?.n as number]);

    const rect: Rect = { minX: 2.69, minY: 50.39, maxX: 2.84, maxY: 50.44 };
    const expected = ids(input.filter((f) => intersects(bboxOf(f.geometry), rect)));
    expect(expected).toEqual([0, 1]);
    expect(ids((await readAll(bytes, rect)).features)).toEqual(expected);
  });

  it('drops Z values and keeps XY', async () => {
    const bytes = writeFlatGeobuf([
      feature({
        type: 'LineString',
        coordinates: [
          [1, 2, 3],
          [4, 5, 6],
        ],
      }),
    ]);
    expect((await readAll(bytes)).features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [4, 5],
      ],
    });
  });

  it('throws on a null geometry, naming the feature index', () => {
    const input = [feature({ type: 'Point', coordinates: [1, 1] }), { type: 'Feature', geometry: null, properties: {} } as unknown as F];
    expect(() => writeFlatGeobuf(input)).toThrow(/feature 1 has a null geometry/);
  });

  it('throws on an empty geometry, an empty list and an invalid node size', () => {
    expect(() => writeFlatGeobuf([feature({ type: 'LineString', coordinates: [] })])).toThrow(/feature 0 has an empty geometry/);
    expect(() => writeFlatGeobuf([])).toThrow(/empty feature list/);
    expect(() => writeFlatGeobuf([feature({ type: 'Point', coordinates: [1, 1] })], { nodeSize: 1 })).toThrow(/nodeSize/);
  });

  describe('over HTTP range requests (the browser path)', () => {
    const points = gridPoints();
    const bytes = writeFlatGeobuf(points);
    let url = '';
    const server = createServer((req, res) => {
      const match = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (!match) {
        res.writeHead(200, { 'Content-Length': bytes.length });
        res.end(bytes);
        return;
      }
      const start = Number(match[1]);
      const end = Math.min(Number(match[2]), bytes.length - 1);
      res.writeHead(206, {
        'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
        'Content-Length': Math.max(0, end - start + 1),
      });
      res.end(bytes.subarray(start, end + 1));
    });
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/grid.fgb`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('returns exactly the brute-force matches', async () => {
      for (const rect of RECTS) {
        const found: F[] = [];
        for await (const f of deserializeFiltered(url, { rect })) found.push(f as unknown as F);
        const expected = ids(points.filter((p) => intersects(bboxOf(p.geometry), rect)));
        expect(ids(found), JSON.stringify(rect)).toEqual(expected);
      }
    });
  });
});

describe('writeFlatGeobuf onOrder', () => {
  it('reports the written order, so a caller can keep its features in the file’s order', async () => {
    const features = [0, 1, 2, 3, 4, 5].map((i) => ({
      type: 'Feature' as const,
      properties: { n: i },
      geometry: { type: 'Point' as const, coordinates: [2.7 + (i % 3) * 0.1, 50.3 + Math.floor(i / 3) * 0.2] },
    }));
    let order: readonly number[] = [];
    const bytes = writeFlatGeobuf(features, { onOrder: (o) => (order = o) });
    const read: number[] = [];
    for await (const f of deserialize(bytes)) read.push(f.properties!.n as number);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(read).toEqual(order.map((i) => features[i].properties.n));
  });
});
