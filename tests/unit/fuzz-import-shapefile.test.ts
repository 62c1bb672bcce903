// Property-based tests of the Shapefile import (loose parts and zipped, with our .dbf reader, the
// .prj and .cpg) and of the zip reader's caps: generated shapefiles round-trip; corrupted parts,
// .dbf/.shp that disagree, odd code pages, hostile .prj and zip bombs are refused in French or
// imported sanely.
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { mapPositions } from '../../src/core/geo/crs';
import { importFile, importFiles, type ImporterOptions } from '../../src/core/import';
import { project, utf8 } from '../support/import-fixtures';
import {
  ccwRing,
  concat,
  expectSaneImport,
  FUZZ_RUNS_PER_PARSER,
  ENCODE_EVERY_VALID,
  FUZZ_TEST_TIMEOUT_MS,
  fuzzParams,
  hostileText,
  lastRefusal,
  lensLonLat,
  mutate,
  mutations,
  propertyName,
  writeSummary,
} from '../support/fuzz';
import { encodeWindows1252, shapefileFiles, writeShapefile, zipShapefile, type ShapefileParts, type ShapeKind } from '../support/shapefile-writer';
import { PRJ_LAMBERT93, PRJ_WGS84, WKT_LAMBERT93_OGC } from '../support/wkt';

const PARSER = 'Shapefile';
afterAll(() => writeSummary('shapefile'));

type System = 'l93-prj' | 'l93-ogc' | 'l93-sans-prj' | 'wgs84-prj';

interface GeneratedShapefile {
  kind: ShapeKind;
  system: System;
  encoding: 'utf-8' | 'windows-1252';
  cpg: 'oui' | 'non';
  zipped: boolean;
  fields: string[];
  geometries: (Geometry | null)[];
  values: string[][];
  numbers: number[];
}

const geometryOf = (kind: ShapeKind): fc.Arbitrary<Geometry> => {
  switch (kind) {
    case 'point':
      return lensLonLat.map((c): Geometry => ({ type: 'Point', coordinates: c }));
    case 'polyline':
      return fc.oneof(
        fc.array(lensLonLat, { minLength: 2, maxLength: 8 }).map((c): Geometry => ({ type: 'LineString', coordinates: c })),
        fc
          .array(fc.array(lensLonLat, { minLength: 2, maxLength: 5 }), { minLength: 2, maxLength: 3 })
          .map((c): Geometry => ({ type: 'MultiLineString', coordinates: c })),
      );
    case 'polygon':
      return fc.oneof(
        ccwRing().map((r): Geometry => ({ type: 'Polygon', coordinates: [r] })),
        fc.array(ccwRing(6), { minLength: 2, maxLength: 3 }).map((rs): Geometry => ({ type: 'MultiPolygon', coordinates: rs.map((r) => [r]) })),
      );
  }
};

/** What the .dbf gives back for a character value: spaces trimmed at the start, spaces and NULs at the end. */
const dbfText = (s: string) => s.replace(/^ +/, '').replace(/[ \u0000]+$/, '');
const fitsWindows1252 = (s: string) => {
  const bytes = encodeWindows1252(s);
  return bytes.length === s.length && !bytes.includes(0x3f) === !s.includes('?') && !/[\u0080-\u009f]/.test(s);
};

const shapefile: fc.Arbitrary<GeneratedShapefile> = fc
  .record({
    kind: fc.constantFrom<ShapeKind>('point', 'polyline', 'polygon'),
    system: fc.constantFrom<System>('l93-prj', 'l93-ogc', 'l93-sans-prj', 'wgs84-prj'),
    encoding: fc.constantFrom<'utf-8' | 'windows-1252'>('utf-8', 'windows-1252'),
    cpg: fc.constantFrom<'oui' | 'non'>('oui', 'non'),
    zipped: fc.boolean(),
    fields: fc.uniqueArray(
      propertyName.map((k) => k.toUpperCase()).filter((k) => k !== 'NUM'),
      { maxLength: 3 },
    ),
  })
  .chain((base) =>
    fc
      .record({
        geometries: fc.array(fc.option(geometryOf(base.kind), { freq: 8 }), { minLength: 1, maxLength: 8 }),
        values: fc.array(
          fc.array(
            hostileText().filter((s) => (base.encoding === 'utf-8' ? utf8(s).length <= 254 && !/[\u0080-\u009f]/.test(s) : fitsWindows1252(s))),
            { minLength: 3, maxLength: 3 },
          ),
          { minLength: 8, maxLength: 8 },
        ),
        numbers: fc.array(
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
          { minLength: 8, maxLength: 8 },
        ),
      })
      .map((rest) => ({ ...base, ...rest })),
  )
  // A .dbf whose bytes are all ASCII but the .cpg-less reader must guess; keep one real geometry.
  .filter((s) => s.geometries.some((g) => g !== null));

function parts(s: GeneratedShapefile): ShapefileParts {
  const inL93 = s.system !== 'wgs84-prj';
  const prj = s.system === 'l93-prj' ? PRJ_LAMBERT93 : s.system === 'l93-ogc' ? WKT_LAMBERT93_OGC : s.system === 'wgs84-prj' ? PRJ_WGS84 : undefined;
  return writeShapefile({
    shapeType: s.kind,
    geometries: s.geometries.map((g) => (g && inL93 ? mapPositions(g, (p) => project('EPSG:2154', p)) : g)),
    fields: [...s.fields.map((name) => ({ name, type: 'C' as const, length: 254 })), { name: 'NUM', type: 'N', length: 20, decimals: 3 }],
    records: s.geometries.map((_, i) => ({ ...Object.fromEntries(s.fields.map((f, j) => [f, s.values[i][j]])), NUM: s.numbers[i] })),
    encoding: s.encoding,
    prj,
    cpg: s.cpg === 'oui' ? (s.encoding === 'utf-8' ? 'UTF-8' : '1252') : null,
  });
}

/** Loose parts through importFiles (grouped by base name), or one zip through importFile. */
async function importParts(files: Record<string, Uint8Array>, options: ImporterOptions = {}) {
  const { layers, errors } = await importFiles(
    Object.entries(files).map(([name, bytes]) => ({ name, bytes })),
    options,
  );
  if (errors.length > 0) throw errors[0];
  return layers;
}

const positions = (g: Geometry): Position[] => {
  const out: Position[] = [];
  mapPositions(g, (p) => (out.push(p), p));
  return out;
};

describe('Shapefile : tests génératifs', () => {
  it(
    `importe fidèlement ${FUZZ_RUNS_PER_PARSER} shapefiles générés (zippés ou non, .prj, .cpg, windows-1252, attributs hostiles)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(shapefile, async (s) => {
          const p = parts(s);
          const name = s.zipped ? 'genere.zip' : 'genere.shp';
          const layers = await expectSaneImport(
            PARSER,
            name,
            () => (s.zipped ? importFile({ name, bytes: zipShapefile('genere', p) }) : importParts(shapefileFiles('genere', p))),
            ENCODE_EVERY_VALID,
          );
          expect(layers).toHaveLength(1);
          const layer = layers![0];
          expect(layer.crsUsed).toBe(s.system === 'wgs84-prj' ? 'EPSG:4326' : 'EPSG:2154');
          const kept = s.geometries.map((g, i) => [g, i] as const).filter(([g]) => g !== null) as [Geometry, number][];
          expect(layer.features).toHaveLength(kept.length);
          const tolerance = s.system === 'wgs84-prj' ? 1e-12 : 1e-7;
          layer.features.forEach((f, k) => {
            const [g, i] = kept[k];
            const expected: Record<string, unknown> = Object.fromEntries(s.fields.map((name, j) => [name, dbfText(s.values[i][j])]));
            expected.NUM = s.numbers[i];
            expect(f.properties).toEqual(expected);
            const got = positions(f.geometry);
            const want = positions(g);
            expect(got).toHaveLength(want.length);
            got.forEach((q, j) => {
              expect(Math.abs(q[0] - want[j][0])).toBeLessThanOrEqual(tolerance);
              expect(Math.abs(q[1] - want[j][1])).toBeLessThanOrEqual(tolerance);
            });
          });
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} shapefiles dont une partie est tronquée ou altérée`,
    async () => {
      const part = fc.constantFrom<keyof ShapefileParts | 'zip'>('shp', 'shp', 'dbf', 'dbf', 'prj', 'cpg', 'zip', 'zip');
      await fc.assert(
        fc.asyncProperty(shapefile, part, mutations, async (s, which, changes) => {
          const p = parts(s);
          if (which === 'zip') {
            await expectSaneImport(PARSER, 'altere.zip', () => importFile({ name: 'altere.zip', bytes: mutate(zipShapefile('altere', p), changes) }));
            return;
          }
          const changed = { ...p, [which]: mutate(p[which] ?? new Uint8Array(0), changes) };
          const zipped = s.zipped;
          const name = zipped ? 'altere.zip' : 'altere.shp';
          await expectSaneImport(PARSER, name, () =>
            zipped ? importFile({ name, bytes: zipShapefile('altere', changed) }) : importParts(shapefileFiles('altere', changed)),
          );
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `importe avec un avertissement ${FUZZ_RUNS_PER_PARSER / 2} shapefiles dont le .dbf et le .shp ne comptent pas les mêmes entités`,
    async () => {
      await fc.assert(
        fc.asyncProperty(shapefile, fc.integer({ min: 0, max: 12 }), async (s, records) => {
          const p = parts(s);
          fc.pre(records !== s.geometries.length);
          // The .dbf of a table with `records` rows, the .shp of the original.
          const other = writeShapefile({
            shapeType: 'point',
            geometries: new Array(records).fill({ type: 'Point', coordinates: [0, 0] }),
            fields: [{ name: 'NOM', type: 'C', length: 20 }],
            records: Array.from({ length: records }, (_, i) => ({ NOM: `ligne ${i}` })),
          });
          const layers = await expectSaneImport(PARSER, 'desaccord.shp', () => importParts(shapefileFiles('desaccord', { ...p, dbf: other.dbf })));
          const nonNull = s.geometries.filter((g) => g !== null).length;
          expect(layers![0].features).toHaveLength(nonNull);
          if (records > 0) expect(layers![0].warnings.join(' ')).toMatch(/le \.shp compte \d+ géométries et le \.dbf \d+ lignes/);
        }),
        fuzzParams(FUZZ_RUNS_PER_PARSER / 2),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} shapefiles aux .cpg et .prj hostiles`,
    async () => {
      const cpg = fc.oneof(
        fc.constantFrom(
          'UTF-8',
          'utf8',
          '1252',
          'CP1252',
          'ANSI 1252',
          'ISO-8859-15',
          '8859-1',
          'UTF-16LE',
          'ISO-2022-KR',
          'replacement',
          'x-user-defined',
          'GB18030',
          'Big5',
          '65001',
          '',
          ' ',
        ),
        fc.string({ maxLength: 12 }),
      );
      const prjToken = fc.constantFrom(
        'PROJCS[',
        'GEOGCS[',
        'PROJCRS[',
        'GEOGCRS[',
        'CONVERSION[',
        'METHOD[',
        'PARAMETER[',
        'AUTHORITY[',
        'ID[',
        '"EPSG"',
        '"2154"',
        '"Lambert_Conformal_Conic"',
        '"standard_parallel_1"',
        '49',
        '44',
        '6600000',
        '1e308',
        'NaN',
        ',',
        ']',
        ')',
        '(',
        'EAST',
        '"',
        ' ',
      );
      const prj = fc.oneof(
        fc.array(prjToken, { maxLength: 40 }).map((t) => t.join('')),
        fc.string({ maxLength: 60 }),
        fc.constantFrom(PRJ_LAMBERT93.slice(0, 120), `${'PROJCS["x",'.repeat(50)}]`),
      );
      await fc.assert(
        fc.asyncProperty(shapefile, cpg, prj, async (s, cpgText, prjText) => {
          const p = { ...parts(s), cpg: utf8(cpgText), prj: utf8(prjText) };
          await expectSaneImport(PARSER, 'hostile.shp', () => importParts(shapefileFiles('hostile', p)));
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('Zip : bombes et archives hostiles', () => {
  /** Small caps so that bombs stay small: 1 KB before the ratio counts, 20:1, 64 KB in all, 40 entries. */
  const LIMITS: ImporterOptions = { limits: { zipRatioMinBytes: 1024, zipMaxRatio: 20, zipMaxTotalBytes: 64 * 1024, zipMaxEntries: 40 } };

  it(
    `refuse toute archive qui dépasse un plafond, parmi ${FUZZ_RUNS_PER_PARSER} archives générées (taux, taille totale, nombre d'entrées)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          shapefile,
          fc.oneof(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 72 * 1024 })),
          fc.integer({ min: 0, max: 45 }),
          fc.constantFrom(0x20, 0x00, 0x41),
          async (s, padding, extraEntries, fill) => {
            const p = parts(s);
            // The .dbf padded with a run of one byte: deflate packs it hundreds of times.
            const dbf = concat(p.dbf, new Uint8Array(padding).fill(fill));
            const files: Record<string, Uint8Array> = { 'bombe.shp': p.shp, 'bombe.shx': p.shx, 'bombe.dbf': dbf };
            if (p.prj) files['bombe.prj'] = p.prj;
            for (let i = 0; i < extraEntries; i++) files[`autres/f${i}.txt`] = utf8(`fichier ${i}`);
            const zip = zipSync(files, { level: 6 });
            const layers = await expectSaneImport('Zip', 'bombe.zip', () => importFile({ name: 'bombe.zip', bytes: zip }, LIMITS));
            // The caps, read from the archive's own central directory: entry count, then the size and
            // ratio of the entries the importer inflates (.shp, .dbf, .prj).
            const listed: { name: string; size: number; originalSize: number }[] = [];
            unzipSync(zip, { filter: (info) => (listed.push(info), false) });
            const inflated = listed.filter((e) => /\.(shp|dbf|prj|cpg)$/.test(e.name));
            const isBomb =
              listed.length > 40 ||
              inflated.reduce((n, e) => n + e.originalSize, 0) > 64 * 1024 ||
              inflated.some((e) => e.originalSize >= 1024 && e.originalSize / Math.max(1, e.size) > 20);
            if (isBomb) expect(lastRefusal?.code).toBe('zip-bombe');
            else expect(layers).not.toBeNull();
          },
        ),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it("refuse en français une archive dont le répertoire central ment sur la taille d'une entrée", async () => {
    const p = parts({
      kind: 'point',
      system: 'l93-prj',
      encoding: 'utf-8',
      cpg: 'oui',
      zipped: true,
      fields: [],
      geometries: [{ type: 'Point', coordinates: [2.8, 50.4] }],
      values: [[]],
      numbers: [1],
    });
    const zip = zipShapefile('ment', p, { level: 0 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Every central directory header (PK\x01\x02): uncompressed size at +24 set to 3 GB.
    for (let i = 0; i + 46 <= zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 3 * 1024 ** 3, true);
    const layers = await expectSaneImport('Zip', 'ment.zip', () => importFile({ name: 'ment.zip', bytes: zip }, LIMITS));
    expect(layers).toBeNull();
  });
});

describe('Shapefile : cas extrêmes', () => {
  it('refuse en français un .prj imbriqué sur 100 000 niveaux', async () => {
    const p = parts({
      kind: 'point',
      system: 'l93-sans-prj',
      encoding: 'utf-8',
      cpg: 'oui',
      zipped: false,
      fields: [],
      geometries: [{ type: 'Point', coordinates: [2.8, 50.4] }],
      values: [[]],
      numbers: [1],
    });
    const prj = utf8(`${'PROJCS["x",'.repeat(100_000)}${']'.repeat(100_000)}`);
    await expectSaneImport(PARSER, 'profond.shp', () => importParts(shapefileFiles('profond', { ...p, prj })));
  });

  it('refuse en français un .shp dont un enregistrement annonce une longueur négative (sans boucler)', async () => {
    const p = parts({
      kind: 'point',
      system: 'l93-prj',
      encoding: 'utf-8',
      cpg: 'oui',
      zipped: false,
      fields: [],
      geometries: [
        { type: 'Point', coordinates: [2.8, 50.4] },
        { type: 'Point', coordinates: [2.81, 50.41] },
      ],
      values: [[], []],
      numbers: [1, 2],
    });
    const shp = p.shp.slice();
    // Second record header: content length (big-endian 16-bit words) set to -4 words (-8 bytes).
    new DataView(shp.buffer).setInt32(100 + 28 + 4, -4, false);
    await expectSaneImport(PARSER, 'negatif.shp', () => importParts(shapefileFiles('negatif', { ...p, shp })));
    expect(lastRefusal?.message).toMatch(/enregistrements de géométrie endommagés/);
  });

  it('refuse en français un type de géométrie inconnu, et garde les entités quand le .dbf ment sur ses champs', async () => {
    const p = parts({
      kind: 'point',
      system: 'l93-prj',
      encoding: 'utf-8',
      cpg: 'oui',
      zipped: false,
      fields: ['NOM'],
      geometries: [{ type: 'Point', coordinates: [2.8, 50.4] }],
      values: [['Lens', '', '']],
      numbers: [1],
    });
    const shp = p.shp.slice();
    new DataView(shp.buffer).setInt32(32, 665_324, true);
    await expectSaneImport(PARSER, 'type.shp', () => importParts(shapefileFiles('type', { ...p, shp })));
    expect(lastRefusal?.message).toMatch(/type de géométrie n° 665324 inconnu/);
    // A 4-byte integer field announced past the end of the record (and of the file).
    const dbf = p.dbf.slice();
    dbf[32 + 11] = 'I'.charCodeAt(0);
    dbf[32 + 16] = 250;
    const layers = await expectSaneImport(PARSER, 'champs.shp', () => importParts(shapefileFiles('champs', { ...p, dbf })));
    expect(layers?.[0].features).toHaveLength(1);
  });

  it("importe un polygone d'un million de sommets", async () => {
    const n = 1_000_000;
    const ring: Position[] = new Array(n + 1);
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      // Around Lens in Lambert-93 metres (no proj4 call per vertex: the test times the import, not its input).
      ring[i] = [686_000 + 3500 * Math.cos(a), 7_035_000 + 3300 * Math.sin(a)];
    }
    ring[n] = ring[0];
    const p = writeShapefile({
      shapeType: 'polygon',
      geometries: [{ type: 'Polygon', coordinates: [ring] }],
      fields: [{ name: 'NOM', type: 'C', length: 20 }],
      records: [{ NOM: 'grand' }],
      prj: PRJ_LAMBERT93,
    });
    const start = performance.now();
    const layers = await importParts(shapefileFiles('million', p));
    const elapsed = performance.now() - start;
    expect((layers[0].features[0].geometry as { coordinates: Position[][] }).coordinates[0]).toHaveLength(n + 1);
    expect(elapsed).toBeLessThan(30_000);
    console.log(`[fuzz] Shapefile : polygone d'un million de sommets (Lambert-93) importé en ${Math.round(elapsed)} ms`);
  }, 60_000);
});
