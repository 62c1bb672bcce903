// Property-based tests of the data pipeline's readers (GeoJSON, GPX, CSV) followed by its
// normalise and validate steps: generated sources round-trip; corrupted or hostile ones either
// give clean features (finite WGS84 coordinates) or an Error whose French message names the
// source — never an engine error, which build.ts would show as the layer's reason.
import fc from 'fast-check';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { normalise } from '../../scripts/geodata/steps/normalise';
import { readSource } from '../../scripts/geodata/steps/read';
import { validate } from '../../scripts/geodata/steps/validate';
import { mapPositions } from '../../src/core/geo/crs';
import type { GeoFeature } from '../../layers/types';
import { utf8 } from '../support/import-fixtures';
import {
  CASE_TIME_LIMIT_MS,
  FUZZ_RUNS_PER_PARSER,
  FUZZ_TEST_TIMEOUT_MS,
  fuzzParams,
  hostileText,
  lensGeometry,
  lensLonLat,
  mutate,
  mutations,
  propertyName,
  RAW_ERROR,
  tally,
  writeSummary,
} from '../support/fuzz';

afterAll(() => writeSummary('pipeline'));

const SOURCE = 'essai';

/** The pipeline's chain for one source, as build.ts runs it; returns the kept features. */
function runPipeline(format: string, bytes: Uint8Array, parser: string): GeoFeature[] | null {
  const t = tally(parser);
  t.cases++;
  const start = performance.now();
  const kept = runCase(format, bytes, parser, t);
  const elapsed = performance.now() - start;
  t.totalMs += elapsed;
  t.slowestMs = Math.max(t.slowestMs, elapsed);
  if (elapsed > CASE_TIME_LIMIT_MS) throw new Error(`${parser} : ${Math.round(elapsed)} ms pour un cas (blocage)`);
  return kept;
}

function runCase(format: string, bytes: Uint8Array, parser: string, t: ReturnType<typeof tally>): GeoFeature[] | null {
  try {
    const read = readSource(format, bytes, SOURCE);
    const { features } = normalise(read.features, read.declaredCrs);
    const { features: kept } = validate(features);
    for (const f of kept) {
      mapPositions(f.geometry, (p: Position) => {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)
          throw new Error(`position hors limites gardée : ${JSON.stringify(p)}`);
        return p;
      });
    }
    t.imported++;
    return kept;
  } catch (error) {
    if (!(error instanceof Error)) throw new Error(`valeur levée qui n'est pas une Error : ${String(error)}`, { cause: error });
    if (error.message.startsWith('position hors limites')) throw error;
    const french = error.message.startsWith(`source « ${SOURCE} » : `) || error.message.startsWith('système de coordonnées « ');
    if (!french || RAW_ERROR.test(error.message))
      throw new Error(`${parser} : erreur brute au lieu d'un message français : ${error.name}: ${error.message}\n${error.stack}`, { cause: error });
    t.refused.erreur = (t.refused.erreur ?? 0) + 1;
    const samples = (t.samples.erreur ??= []);
    if (samples.length < 4 && !samples.includes(error.message)) samples.push(error.message);
    return null;
  }
}

const properties = fc.dictionary(propertyName, hostileText(), { maxKeys: 4 });
const collection = fc.array(fc.record({ geometry: lensGeometry, properties }), { minLength: 1, maxLength: 6 }).map((fs) => ({
  type: 'FeatureCollection',
  features: fs.map((f) => ({ type: 'Feature', ...f })),
}));

const NUMBER_TOKENS = ['1e999', '-1e999', '1e308', '5e-324', 'null', 'true', '"2.8"', '{}', '[]', '[[]]'];
const hostileCoordinates: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.double(),
    fc.constantFrom(...NUMBER_TOKENS.map((t) => `§${t}§`)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.tuple(fc.double(), fc.double()),
  ),
})).value;
const hostileGeometry: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  geometry: fc.oneof(
    { depthSize: 'small' },
    fc.record(
      {
        type: fc.constantFrom('Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'Circle', ''),
        coordinates: hostileCoordinates,
        geometries: fc.oneof(fc.array(tie('geometry'), { maxLength: 3 }), fc.jsonValue()),
      },
      { requiredKeys: ['type'] },
    ),
    fc.jsonValue(),
  ),
})).geometry;
const hostileCollection = fc
  .record(
    {
      type: fc.constantFrom('FeatureCollection', 'Feature'),
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
        { maxLength: 5 },
      ),
      geometry: hostileGeometry,
      properties: fc.jsonValue(),
      crs: fc.oneof(
        fc.jsonValue(),
        fc.record({
          properties: fc.record({
            name: fc.oneof(fc.constantFrom('EPSG:2154', 'EPSG:3857', 'EPSG:32631', 'urn:ogc:def:crs:OGC:1.3:CRS84'), fc.string()),
          }),
        }),
      ),
    },
    { requiredKeys: ['type'] },
  )
  .map((doc) => JSON.stringify(doc).replace(/"§([^§]*)§"/g, (_m, t: string) => t.replace(/\\"/g, '"')));

describe('Pipeline, lecture GeoJSON : tests génératifs', () => {
  it(
    `lit, normalise et valide fidèlement ${FUZZ_RUNS_PER_PARSER} sources GeoJSON générées`,
    () => {
      fc.assert(
        fc.property(collection, (doc) => {
          const kept = runPipeline('geojson', utf8(JSON.stringify(doc)), 'Pipeline GeoJSON');
          expect(kept).not.toBeNull();
          expect(kept).toHaveLength(doc.features.length);
          kept!.forEach((f, i) => expect(f.properties).toEqual(doc.features[i].properties));
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `refuse en français ou lit proprement ${FUZZ_RUNS_PER_PARSER} sources GeoJSON altérées ou hostiles`,
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            collection.map((d) => utf8(JSON.stringify(d))),
            hostileCollection.map(utf8),
          ),
          mutations,
          fc.boolean(),
          (bytes, changes, damage) => {
            runPipeline('geojson', damage ? mutate(bytes, changes) : bytes, 'Pipeline GeoJSON');
          },
        ),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('Pipeline, lecture GPX et CSV : tests génératifs', () => {
  const xmlText = hostileText().map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"]/g, ''));
  const tracks = fc.array(
    fc.record({ name: xmlText, segments: fc.array(fc.array(lensLonLat, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 3 }) }),
    { minLength: 1, maxLength: 3 },
  );
  const gpx = (ts: { name: string; segments: Position[][] }[]) =>
    `<?xml version="1.0"?><gpx version="1.1" creator="essai">${ts
      .map(
        (t) =>
          `<trk><name>${t.name}</name>${t.segments.map((s) => `<trkseg>${s.map((p) => `<trkpt lat="${p[1]}" lon="${p[0]}"/>`).join('')}</trkseg>`).join('')}</trk>`,
      )
      .join('')}</gpx>`;

  it(
    `lit ${FUZZ_RUNS_PER_PARSER} traces GPX générées (une ligne par segment), et refuse en français ou lit proprement ${FUZZ_RUNS_PER_PARSER} traces altérées`,
    () => {
      fc.assert(
        fc.property(tracks, (ts) => {
          const kept = runPipeline('gpx', utf8(gpx(ts)), 'Pipeline GPX');
          const segments = ts.flatMap((t) => t.segments).filter((s) => s.some((p, i) => i > 0 && (p[0] !== s[0][0] || p[1] !== s[0][1])));
          expect(kept).toHaveLength(segments.length);
        }),
        fuzzParams(),
      );
      fc.assert(
        fc.property(tracks, mutations, (ts, changes) => {
          runPipeline('gpx', mutate(utf8(gpx(ts)), changes), 'Pipeline GPX');
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `lit ${FUZZ_RUNS_PER_PARSER} tables CSV générées (valeurs hostiles gardées), et refuse en français ou lit proprement ${FUZZ_RUNS_PER_PARSER} tables altérées`,
    () => {
      const csvCell = hostileText().map((s) => s.replace(/[\r\n"]/g, ''));
      const table = fc.record({
        sep: fc.constantFrom(',', ';', '\t'),
        rows: fc.array(fc.tuple(csvCell, csvCell), { minLength: 1, maxLength: 6 }),
      });
      const render = (t: { sep: string; rows: [string, string][] }) =>
        `code${t.sep}nom\n${t.rows.map((r) => r.map((v) => `"${v}"`).join(t.sep)).join('\n')}\n`;
      const t = tally('Pipeline CSV');
      fc.assert(
        fc.property(table, (tb) => {
          t.cases++;
          const read = readSource('csv', utf8(render(tb)), SOURCE);
          t.imported++;
          // Every row comes back, quoted empty cells included (skipEmptyLines only drops blank lines).
          const expected = tb.rows.map(([code, nom]) => ({ code, nom }));
          expect(read.rows).toEqual(expected);
        }),
        fuzzParams(),
      );
      fc.assert(
        fc.property(table, mutations, (tb, changes) => {
          runPipeline('csv', mutate(utf8(render(tb)), changes), 'Pipeline CSV');
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('Pipeline : cas extrêmes', () => {
  it('écarte en le nommant une GeometryCollection imbriquée sur 100 000 niveaux', () => {
    let g = '{"type":"Point","coordinates":[2.8,50.4]}';
    for (let i = 0; i < 100_000; i++) g = `{"type":"GeometryCollection","geometries":[${g}]}`;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"nom":"profond"},"geometry":${g}},{"type":"Feature","properties":{"nom":"Lens"},"geometry":{"type":"Point","coordinates":[2.83,50.43]}}]}`;
    const kept = runPipeline('geojson', utf8(text), 'Pipeline GeoJSON');
    expect(kept?.map((f) => f.properties.nom)).toEqual(['Lens']);
  });

  it("écarte en le nommant un point sans coordonnées, et nomme une entité dont l'identifiant n'est pas un texte", () => {
    const read = readSource(
      'geojson',
      utf8('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":{"toString":1}},"geometry":{"type":"Point"}}]}'),
      SOURCE,
    );
    const { features, report } = normalise(read.features, read.declaredCrs);
    expect(features).toEqual([]);
    expect(report.dropped).toEqual([{ id: 'n°0', reason: expect.stringMatching(/^géométrie mal formée/) }]);
  });

  it('lit une trace GPX dont le nom contient U+FFFD (un avertissement de xmldom, pas une erreur)', () => {
    const text =
      '<?xml version="1.0"?><gpx version="1.1" creator="essai"><trk><name>Lens \ufffd Liévin</name><trkseg><trkpt lat="50.43" lon="2.83"/><trkpt lat="50.42" lon="2.78"/></trkseg></trk></gpx>';
    expect(runPipeline('gpx', utf8(text), 'Pipeline GPX')?.[0].properties.name).toBe('Lens \ufffd Liévin');
  });
});
