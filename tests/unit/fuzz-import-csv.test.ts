// Property-based tests of the CSV import (coordinate columns and WKT column) and of the WKT
// reader alone: generated tables round-trip (rows, coordinates, every cell kept as its text);
// corrupted, mis-encoded or hostile ones are refused in French or imported sanely.
import fc from 'fast-check';
import type { Geometry, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { mapPositions } from '../../src/core/geo/crs';
import { importFile, parseWktGeometry } from '../../src/core/import';
import { squashHeader } from '../../src/core/import/parse-csv';
import { project, utf8 } from '../support/import-fixtures';
import {
  expectSaneImport,
  FUZZ_RUNS_PER_PARSER,
  ENCODE_EVERY_VALID,
  FUZZ_TEST_TIMEOUT_MS,
  fuzzParams,
  hostileText,
  lensGeometry,
  lensLonLat,
  mutate,
  mutations,
  propertyName,
  tally,
  writeSummary,
} from '../support/fuzz';
import { encodeWindows1252 } from '../support/shapefile-writer';

afterAll(() => writeSummary('csv'));

/** Column names the importer reads as coordinates or geometry: generated attribute columns avoid them. */
const RESERVED = new Set([
  'longitude',
  'lon',
  'lng',
  'long',
  'x',
  'coordx',
  'xcoord',
  'easting',
  'latitude',
  'lat',
  'y',
  'coordy',
  'ycoord',
  'northing',
  'wkt',
  'geometry',
  'geom',
  'geometrie',
  'thegeom',
]);
const attributeName = propertyName.filter((k) => !RESERVED.has(squashHeader(k)) && !/^(x|y|lon|lat|long|coord)/.test(squashHeader(k)));

type Layout = 'lonlat' | 'l93' | 'wkt';

interface Table {
  layout: Layout;
  separator: ',' | ';' | '\t' | '|';
  decimalComma: boolean;
  columns: string[];
  rows: { geometry: Geometry; cells: string[] }[];
  crlf: boolean;
  comment: boolean;
}

const wktGeometry = lensGeometry;

const table: fc.Arbitrary<Table> = fc
  .record({
    layout: fc.constantFrom<Layout>('lonlat', 'l93', 'wkt'),
    separator: fc.constantFrom<Table['separator']>(',', ';', '\t', '|'),
    decimalComma: fc.boolean(),
    columns: fc.uniqueArray(attributeName, { maxLength: 4 }),
    crlf: fc.boolean(),
    comment: fc.boolean(),
    rows: fc.array(fc.record({ point: lensLonLat, geometry: wktGeometry, cells: fc.array(hostileText(), { minLength: 4, maxLength: 4 }) }), {
      minLength: 1,
      maxLength: 8,
    }),
  })
  .map((t) => ({
    ...t,
    // Decimal commas only where the separator is not a comma (as French exports do).
    decimalComma: t.decimalComma && t.separator !== ',',
    rows: t.rows.map((r) => ({
      geometry: t.layout === 'wkt' ? r.geometry : ({ type: 'Point', coordinates: r.point } as Geometry),
      cells: r.cells.slice(0, t.columns.length),
    })),
  }));

const number = (n: number, comma: boolean) => (comma ? String(n).replace('.', ',') : String(n));

function wkt(g: Geometry): string {
  const p = (q: Position) => `${q[0]} ${q[1]}`;
  const list = (ps: Position[]) => `(${ps.map(p).join(', ')})`;
  switch (g.type) {
    case 'Point':
      return `POINT (${p(g.coordinates)})`;
    case 'MultiPoint':
      return `MULTIPOINT (${g.coordinates.map((q) => `(${p(q)})`).join(', ')})`;
    case 'LineString':
      return `LINESTRING ${list(g.coordinates)}`;
    case 'MultiLineString':
      return `MULTILINESTRING (${g.coordinates.map(list).join(', ')})`;
    case 'Polygon':
      return `POLYGON (${g.coordinates.map(list).join(', ')})`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${g.coordinates.map((rings) => `(${rings.map(list).join(', ')})`).join(', ')})`;
    default:
      throw new Error(g.type);
  }
}

/** A cell quoted when it must be (separator, quote, line break, or spaces papaparse would keep anyway). */
const cell = (value: string, separator: string) => (/["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value);

/** The table as text, and the properties each row must come back with. */
function render(t: Table): { text: string; expected: Record<string, string>[]; positions: Position[][] } {
  const coordinateColumns = t.layout === 'wkt' ? ['wkt'] : t.layout === 'l93' ? ['X_L93', 'Y_L93'] : ['Longitude', 'Latitude'];
  const header = [...t.columns, ...coordinateColumns];
  const expected: Record<string, string>[] = [];
  const positions: Position[][] = [];
  const lines = [header.map((h) => cell(h, t.separator)).join(t.separator)];
  for (const row of t.rows) {
    let coordinates: string[];
    if (t.layout === 'wkt') coordinates = [wkt(row.geometry)];
    else {
      const lonLat = (row.geometry as { coordinates: Position }).coordinates;
      const q = t.layout === 'l93' ? project('EPSG:2154', lonLat) : lonLat;
      coordinates = [number(q[0], t.decimalComma), number(q[1], t.decimalComma)];
    }
    const values = [...row.cells, ...coordinates];
    lines.push(values.map((v) => cell(v, t.separator)).join(t.separator));
    expected.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
    const got: Position[] = [];
    mapPositions(row.geometry, (q) => (got.push(q), q));
    positions.push(got);
  }
  const eol = t.crlf ? '\r\n' : '\n';
  return { text: (t.comment ? `# export de test${eol}` : '') + lines.join(eol) + eol, expected, positions };
}

describe('CSV : tests génératifs', () => {
  it(
    `importe fidèlement ${FUZZ_RUNS_PER_PARSER} tableaux générés (lignes, coordonnées, cellules hostiles gardées en texte)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(table, async (t) => {
          const { text, expected, positions } = render(t);
          const layers = await expectSaneImport('CSV', 'genere.csv', () => importFile({ name: 'genere.csv', bytes: utf8(text) }), ENCODE_EVERY_VALID);
          expect(layers).not.toBeNull();
          const [layer] = layers!;
          expect(layer.crsUsed).toBe(t.layout === 'l93' ? 'EPSG:2154' : 'EPSG:4326');
          expect(layer.features).toHaveLength(t.rows.length);
          const tolerance = t.layout === 'l93' ? 1e-7 : 0;
          layer.features.forEach((f, i) => {
            expect(f.properties).toEqual(expected[i]);
            const got: Position[] = [];
            mapPositions(f.geometry, (q) => (got.push(q), q));
            expect(got).toHaveLength(positions[i].length);
            got.forEach((q, j) => {
              expect(Math.abs(q[0] - positions[i][j][0])).toBeLessThanOrEqual(tolerance);
              expect(Math.abs(q[1] - positions[i][j][1])).toBeLessThanOrEqual(tolerance);
            });
          });
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `lit en windows-1252, avec un avertissement, ${FUZZ_RUNS_PER_PARSER / 2} tableaux qui ne sont pas en UTF-8`,
    async () => {
      const latinText = fc.string({ unit: fc.constantFrom(..."abcdeéèêëàâçîïôöùûüÿœŒÉÈ€«» -’'".split('')), minLength: 1, maxLength: 16 });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(latinText, lensLonLat), { minLength: 1, maxLength: 6 }), async (rows) => {
          const text = `nom;lon;lat\n${rows.map(([nom, [x, y]]) => `${nom};${number(x, true)};${number(y, true)}`).join('\n')}\n`;
          const bytes = encodeWindows1252(text);
          let validUtf8 = true;
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch {
            validUtf8 = false;
          }
          fc.pre(!validUtf8);
          const layers = await expectSaneImport('CSV', 'latin.csv', () => importFile({ name: 'latin.csv', bytes }));
          expect(layers![0].features.map((f) => f.properties.nom)).toEqual(rows.map(([nom]) => nom));
          expect(layers![0].warnings.join(' ')).toMatch(/windows-1252/);
        }),
        fuzzParams(FUZZ_RUNS_PER_PARSER / 2),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} tableaux tronqués ou altérés`,
    async () => {
      await fc.assert(
        fc.asyncProperty(table, mutations, fc.constantFrom('altere.csv', 'altere.tsv', 'altere.txt'), async (t, changes, name) => {
          await expectSaneImport('CSV', name, () => importFile({ name, bytes: mutate(utf8(render(t).text), changes) }));
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  const hostileNumber = fc.oneof(
    fc.constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      '1e308',
      '-1e308',
      '1e999',
      '5e-324',
      '',
      ' ',
      '2,8,3',
      '2.8.3',
      '٢٫٨',
      '0x1F',
      '1_000',
      '--2',
      '+',
      '.',
      ',',
      '1e',
      'null',
      '2 , 8',
    ),
    fc.double().map(String),
    fc.string({ maxLength: 8 }),
  );

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} tableaux aux coordonnées hostiles (NaN, infinis, 1e308, texte, WKT faux)`,
    async () => {
      const wktish = fc
        .array(
          fc.constantFrom(
            'POINT',
            'LINESTRING',
            'POLYGON',
            'MULTIPOLYGON',
            'GEOMETRYCOLLECTION',
            'EMPTY',
            'Z',
            'SRID=2154;',
            '(',
            ')',
            ',',
            ' ',
            '2.8',
            '50.4',
            '1e308',
            'NaN',
            '-',
          ),
          { maxLength: 30 },
        )
        .map((a) => a.join(''));
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(hostileNumber, hostileNumber, wktish), { minLength: 1, maxLength: 6 }),
          fc.constantFrom('x;y;wkt', 'wkt', 'lon,lat', 'longitude\tlatitude'),
          async (rows, header) => {
            const sep = header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
            const columns = header.split(/[;,\t]/).length;
            const text = `${header}\n${rows
              .map(([a, b, w]) =>
                [a, b, w]
                  .slice(columns === 1 ? 2 : 0, columns === 1 ? 3 : columns)
                  .map((v) => cell(v, sep))
                  .join(sep),
              )
              .join('\n')}\n`;
            await expectSaneImport('CSV', 'hostile.csv', () => importFile({ name: 'hostile.csv', bytes: utf8(text) }));
          },
        ),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('WKT : tests génératifs', () => {
  it(
    `relit ${FUZZ_RUNS_PER_PARSER} géométries écrites en WKT, et ne lève jamais d'exception sur ${FUZZ_RUNS_PER_PARSER} textes altérés`,
    () => {
      const t = tally('WKT (colonne CSV)');
      fc.assert(
        fc.property(wktGeometry, (g) => {
          t.cases++;
          t.imported++;
          expect(parseWktGeometry(wkt(g))).toEqual(g);
        }),
        fuzzParams(),
      );
      fc.assert(
        fc.property(wktGeometry, mutations, (g, changes) => {
          t.cases++;
          const text = new TextDecoder().decode(mutate(utf8(wkt(g)), changes));
          const out = parseWktGeometry(text);
          if (out === null) t.refused.null = (t.refused.null ?? 0) + 1;
          else t.imported++;
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it('refuse sans erreur JavaScript une GEOMETRYCOLLECTION imbriquée sur 100 000 niveaux (cellule ignorée)', async () => {
    const deep = `${'GEOMETRYCOLLECTION ('.repeat(100_000)}POINT (2.8 50.4)${')'.repeat(100_000)}`;
    expect(parseWktGeometry(deep)).toBeNull();
    const text = `nom;wkt\nprofond;${deep}\nLens;POINT (2.83 50.43)\n`;
    const layers = await expectSaneImport('CSV', 'profond.csv', () => importFile({ name: 'profond.csv', bytes: utf8(text) }));
    expect(layers?.[0].features.map((f) => f.properties.nom)).toEqual(['Lens']);
  });

  it('lit une table dont la seule colonne est un WKT : ses virgules ne coupent pas la ligne', async () => {
    const layers = await importFile({ name: 'seule.csv', bytes: utf8('wkt\nLINESTRING (2.8 50.4, 2.81 50.41)\n') });
    expect(layers[0].features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [2.8, 50.4],
        [2.81, 50.41],
      ],
    });
  });

  it("lit €, œ et ’ d'un CSV windows-1252 (Node les décoderait en ISO-8859-1, en caractères de contrôle)", async () => {
    const layers = await importFile({ name: 'latin.csv', bytes: encodeWindows1252('nom;lon;lat\nŒuvre à 5 € l’entrée;2,8;50,4\n') });
    expect(layers[0].features[0].properties.nom).toBe('Œuvre à 5 € l’entrée');
  });
});
