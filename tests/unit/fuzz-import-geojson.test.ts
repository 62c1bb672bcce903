// Property-based tests of the GeoJSON import: generated files round-trip (count, coordinates,
// hostile property values kept as strings); corrupted or hostile ones are refused in French or
// imported sanely, never a crash or a hang.
import fc from 'fast-check';
import type { Feature, Geometry, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { mapPositions } from '../../src/core/geo/crs';
import { importFile } from '../../src/core/import';
import { project, utf8 } from '../support/import-fixtures';
import {
  expectSaneImport,
  FUZZ_RUNS_PER_PARSER,
  ENCODE_EVERY_VALID,
  FUZZ_TEST_TIMEOUT_MS,
  fuzzParams,
  hostileText,
  lensGeometry,
  mutate,
  mutations,
  propertyName,
  writeSummary,
} from '../support/fuzz';

const PARSER = 'GeoJSON';
afterAll(() => writeSummary('geojson'));

const properties = fc.dictionary(propertyName, hostileText(), { maxKeys: 5 });
const feature = fc
  .record({ geometry: lensGeometry, properties })
  .map(({ geometry, properties }): Feature => ({ type: 'Feature', properties, geometry }));

interface GeneratedFile {
  features: Feature[];
  lambert93: boolean;
  shape: 'collection' | 'array' | 'feature';
  bom: boolean;
}

const generatedFile: fc.Arbitrary<GeneratedFile> = fc
  .record({
    features: fc.array(feature, { minLength: 1, maxLength: 8 }),
    lambert93: fc.boolean(),
    shape: fc.constantFrom('collection', 'array', 'feature'),
    bom: fc.boolean(),
  })
  .map((f) => (f.shape === 'feature' ? { ...f, features: f.features.slice(0, 1) } : f) as GeneratedFile);

function encode(file: GeneratedFile): Uint8Array {
  const features = file.lambert93
    ? file.features.map((f) => ({ ...f, geometry: mapPositions(f.geometry as Geometry, (p) => project('EPSG:2154', p)) }))
    : file.features;
  const crs = file.lambert93 ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } } } : {};
  const doc =
    file.shape === 'array' ? features : file.shape === 'feature' ? { ...features[0], ...crs } : { type: 'FeatureCollection', ...crs, features };
  return utf8((file.bom ? '\uFEFF' : '') + JSON.stringify(doc));
}

function positionsOf(g: Geometry): Position[] {
  const out: Position[] = [];
  mapPositions(g, (p) => (out.push(p), p));
  return out;
}

/** Numbers JSON cannot spell (NaN, infinities) and the extremes it can: spliced into the text after stringify. */
const NUMBER_TOKENS = [
  '1e999',
  '-1e999',
  '1e308',
  '-1.7976931348623157e308',
  '5e-324',
  '0',
  '-0',
  '9007199254740993',
  '"2.8"',
  'null',
  'true',
  '"NaN"',
  '{}',
  '[]',
];

/** A geometry-like value that is wrong in every way a file can be: types, nesting, numbers. */
const hostileCoordinates: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.double(),
    fc.constantFrom(...NUMBER_TOKENS.map((t) => `§${t}§`)),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.tuple(fc.double(), fc.double()),
  ),
})).value;

const hostileGeometry: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  geometry: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record(
      {
        type: fc.constantFrom(
          'Point',
          'MultiPoint',
          'LineString',
          'MultiLineString',
          'Polygon',
          'MultiPolygon',
          'GeometryCollection',
          'Feature',
          'Circle',
          '',
          'point',
        ),
        coordinates: hostileCoordinates,
        geometries: fc.array(tie('geometry'), { maxLength: 3 }),
        bbox: hostileCoordinates,
      },
      { requiredKeys: ['type'] },
    ),
    fc.constantFrom(null, 0, 'Point', [], {}),
  ),
})).geometry;

const hostileDocument: fc.Arbitrary<string> = fc
  .oneof(
    fc.record(
      {
        type: fc.constantFrom('FeatureCollection', 'Feature', 'Topology', 'GeometryCollection', 'Point', 'x'),
        features: fc.array(
          fc.oneof(
            fc.record({
              type: fc.constant('Feature'),
              id: fc.jsonValue(),
              properties: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())),
              geometry: hostileGeometry,
            }),
            fc.jsonValue(),
          ),
          { maxLength: 6 },
        ),
        crs: fc.oneof(
          fc.jsonValue(),
          fc.record({
            type: fc.constant('name'),
            properties: fc.record({
              name: fc.oneof(fc.constantFrom('EPSG:2154', 'urn:ogc:def:crs:EPSG::3857', 'EPSG:32631', 'CRS84'), fc.string()),
              code: fc.jsonValue(),
            }),
          }),
        ),
        geometry: hostileGeometry,
        coordinates: hostileCoordinates,
        geometries: fc.array(hostileGeometry, { maxLength: 3 }),
      },
      { requiredKeys: ['type'] },
    ),
    fc.jsonValue(),
  )
  // Splice the tokens JSON.stringify cannot write (1e999 → Infinity once parsed).
  .map((doc) => JSON.stringify(doc).replace(/"§([^§]*)§"/g, (_m, t: string) => t.replace(/\\"/g, '"')));

describe('GeoJSON : tests génératifs', () => {
  it(
    `importe fidèlement ${FUZZ_RUNS_PER_PARSER} fichiers générés (nombre d'entités, coordonnées, propriétés hostiles gardées en texte)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(generatedFile, async (file) => {
          const name = file.lambert93 ? 'genere-l93.geojson' : 'genere.geojson';
          const layers = await expectSaneImport(PARSER, name, () => importFile({ name, bytes: encode(file) }), ENCODE_EVERY_VALID);
          expect(layers).not.toBeNull();
          const [layer] = layers!;
          expect(layers).toHaveLength(1);
          expect(layer.crsUsed).toBe(file.lambert93 ? 'EPSG:2154' : 'EPSG:4326');
          expect(layer.features).toHaveLength(file.features.length);
          const tolerance = file.lambert93 ? 1e-7 : 0;
          layer.features.forEach((f, i) => {
            const expected = file.features[i];
            expect(f.properties).toEqual(expected.properties);
            const got = positionsOf(f.geometry);
            const want = positionsOf(expected.geometry as Geometry);
            expect(got).toHaveLength(want.length);
            got.forEach((p, j) => {
              expect(Math.abs(p[0] - want[j][0])).toBeLessThanOrEqual(tolerance);
              expect(Math.abs(p[1] - want[j][1])).toBeLessThanOrEqual(tolerance);
            });
          });
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} fichiers tronqués ou altérés`,
    async () => {
      await fc.assert(
        fc.asyncProperty(generatedFile, mutations, fc.constantFrom('altere.geojson', 'altere.json', 'altere.txt'), async (file, changes, name) => {
          await expectSaneImport(PARSER, name, () => importFile({ name, bytes: mutate(encode(file), changes) }));
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} documents hostiles (NaN, infinis, 1e308, types faux, imbrications)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileDocument, async (text) => {
          await expectSaneImport(PARSER, 'hostile.geojson', () => importFile({ name: 'hostile.geojson', bytes: utf8(text) }));
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('GeoJSON : cas extrêmes', () => {
  const nested = (depth: number, inner: string, wrap: (s: string) => string) => {
    let s = inner;
    for (let i = 0; i < depth; i++) s = wrap(s);
    return s;
  };

  it('refuse ou importe une GeometryCollection imbriquée sur 100 000 niveaux sans erreur JavaScript', async () => {
    const geometry = nested(100_000, '{"type":"Point","coordinates":[2.8,50.4]}', (s) => `{"type":"GeometryCollection","geometries":[${s}]}`);
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":${geometry}},{"type":"Feature","properties":{"nom":"Lens"},"geometry":{"type":"Point","coordinates":[2.83,50.43]}}]}`;
    const layers = await expectSaneImport(PARSER, 'profond.geojson', () => importFile({ name: 'profond.geojson', bytes: utf8(text) }));
    expect(layers?.[0].features.map((f) => f.properties.nom)).toEqual(['Lens']);
    expect(layers?.[0].warnings.join(' ')).toMatch(/géométrie mal formée/);
  });

  it('refuse en français des coordonnées et un document imbriqués sur 100 000 niveaux', async () => {
    const coordinates = nested(100_000, '[2.8,50.4]', (s) => `[${s}]`);
    await expectSaneImport(PARSER, 'tableaux.geojson', () =>
      importFile({
        name: 'tableaux.geojson',
        bytes: utf8(`{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${coordinates}}}`),
      }),
    );
    await expectSaneImport(PARSER, 'crochets.json', () => importFile({ name: 'crochets.json', bytes: utf8(nested(100_000, '1', (s) => `[${s}]`)) }));
  });

  it('garde une propriété imbriquée sur 100 000 niveaux sans faire planter la suite (stockage, carte)', async () => {
    const value = nested(100_000, '"fond"', (s) => `{"a":${s}}`);
    const text = `{"type":"Feature","properties":{"nom":"Lens","profond":${value}},"geometry":{"type":"Point","coordinates":[2.83,50.43]}}`;
    const layers = await expectSaneImport(PARSER, 'propriete.geojson', () => importFile({ name: 'propriete.geojson', bytes: utf8(text) }));
    expect(layers?.[0].features[0].properties).toEqual({ nom: 'Lens', profond: null });
    expect(layers?.[0].warnings.join(' ')).toMatch(/1 valeur de propriété imbriquée sur plus de 64 niveaux remplacée par une valeur vide/);
  });

  it("importe un polygone d'un million de sommets en un temps raisonnable", async () => {
    const n = 1_000_000;
    const ring: Position[] = new Array(n + 1);
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      ring[i] = [2.8 + 0.05 * Math.cos(a), 50.42 + 0.03 * Math.sin(a)];
    }
    ring[n] = ring[0];
    const bytes = utf8(
      JSON.stringify({ type: 'Feature', properties: { nom: 'Grand polygone' }, geometry: { type: 'Polygon', coordinates: [ring] } }),
    );
    const start = performance.now();
    const layers = await importFile({ name: 'million.geojson', bytes });
    const elapsed = performance.now() - start;
    expect(layers[0].features[0].geometry.type).toBe('Polygon');
    expect((layers[0].features[0].geometry as { coordinates: Position[][] }).coordinates[0]).toHaveLength(n + 1);
    expect(elapsed).toBeLessThan(20_000);
    console.log(`[fuzz] GeoJSON : polygone d'un million de sommets importé en ${Math.round(elapsed)} ms`);
  }, 60_000);
});
