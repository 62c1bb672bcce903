// Property-based tests of the FlatGeobuf import: files written by flatgeobuf's serializer and by
// our indexed writer round-trip (count, coordinates, hostile properties); truncated, garbled or
// wrongly-announced ones (feature count, index, magic bytes) are refused in French or imported sanely.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFlatGeobuf } from '../../src/core/fgb/write';
import { mapPositions } from '../../src/core/geo/crs';
import { importFile } from '../../src/core/import';
import { project } from '../support/import-fixtures';
import {
  ENCODE_EVERY_VALID,
  expectSaneImport,
  FUZZ_RUNS_PER_PARSER,
  FUZZ_TEST_TIMEOUT_MS,
  fuzzParams,
  hostileText,
  lastRefusal,
  lensGeometry,
  mutate,
  mutations,
  writeSummary,
} from '../support/fuzz';

const PARSER = 'FlatGeobuf';
afterAll(() => writeSummary('flatgeobuf'));

interface GeneratedFgb {
  writer: 'flatgeobuf' | 'atlas';
  lambert93: boolean;
  features: { geometry: Geometry; nom: string; note: string }[];
}

const generated: fc.Arbitrary<GeneratedFgb> = fc
  .record({
    writer: fc.constantFrom<GeneratedFgb['writer']>('flatgeobuf', 'atlas'),
    lambert93: fc.boolean(),
    features: fc.array(fc.record({ geometry: lensGeometry, nom: hostileText(), note: hostileText() }), { minLength: 1, maxLength: 8 }),
  })
  // Our writer (the app's storage format) always writes WGS 84.
  .map((g) => (g.writer === 'atlas' ? { ...g, lambert93: false } : g));

function encode(g: GeneratedFgb): Uint8Array {
  // `rang` finds each feature again: our writer stores them in Hilbert order.
  const features: Feature[] = g.features.map((f, i) => ({
    type: 'Feature',
    properties: { rang: String(i), nom: f.nom, note: f.note },
    geometry: g.lambert93 ? mapPositions(f.geometry, (p) => project('EPSG:2154', p)) : f.geometry,
  }));
  if (g.writer === 'atlas') return writeFlatGeobuf(features as Parameters<typeof writeFlatGeobuf>[0], { name: 'essai' });
  return serialize({ type: 'FeatureCollection', features } as FeatureCollection, g.lambert93 ? 2154 : 4326);
}

/** flatgeobuf decodes property strings with a default TextDecoder, which drops a leading U+FEFF (a library limit, noted). */
const flatgeobufText = (s: string) => s.replace(/^\uFEFF/, '');

const positions = (g: Geometry): Position[] => {
  const out: Position[] = [];
  mapPositions(g, (p) => (out.push(p), p));
  return out;
};

/** Rewrites the header's feature count (a u64 of the header table, found by its value). */
function setFeaturesCount(bytes: Uint8Array, actual: number, announced: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerEnd = 12 + view.getUint32(8, true);
  for (let i = 12; i + 8 <= headerEnd; i += 4) {
    if (view.getUint32(i, true) === actual && view.getUint32(i + 4, true) === 0) {
      view.setBigUint64(i, BigInt(announced), true);
      return;
    }
  }
  throw new Error('feature count not found in the header');
}

describe('FlatGeobuf : tests génératifs', () => {
  it(
    `importe fidèlement ${FUZZ_RUNS_PER_PARSER} fichiers générés (deux écrivains, WGS 84 ou Lambert-93, propriétés hostiles)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(generated, async (g) => {
          const layers = await expectSaneImport(PARSER, 'genere.fgb', () => importFile({ name: 'genere.fgb', bytes: encode(g) }), ENCODE_EVERY_VALID);
          const [layer] = layers!;
          expect(layer.features).toHaveLength(g.features.length);
          expect(layer.crsUsed).toBe(g.lambert93 ? 'EPSG:2154' : 'EPSG:4326');
          const tolerance = g.lambert93 ? 1e-7 : 0;
          for (const f of layer.features) {
            const source = g.features[Number(f.properties.rang)];
            expect({ nom: f.properties.nom, note: f.properties.note }).toEqual({
              nom: flatgeobufText(source.nom),
              note: flatgeobufText(source.note),
            });
            const got = positions(f.geometry);
            const want = positions(source.geometry);
            expect(got).toHaveLength(want.length);
            got.forEach((p, j) => {
              expect(Math.abs(p[0] - want[j][0])).toBeLessThanOrEqual(tolerance);
              expect(Math.abs(p[1] - want[j][1])).toBeLessThanOrEqual(tolerance);
            });
          }
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} fichiers tronqués, altérés ou à l'en-tête menteur`,
    async () => {
      /** Header fields a hostile file lies about: feature count (u64 in the header table) and index node size, found by value. */
      const lie = fc.record({ featuresCount: fc.option(fc.constantFrom(0, 1, 2 ** 31 - 1, 2 ** 32 + 5, 2 ** 53 - 1)), zeroSize: fc.boolean() });
      await fc.assert(
        fc.asyncProperty(generated, mutations, lie, fc.constantFrom('altere.fgb', 'altere.bin'), async (g, changes, l, name) => {
          const bytes = encode(g);
          if (l.featuresCount !== null) setFeaturesCount(bytes, g.features.length, l.featuresCount);
          // A header announcing a size of zero bytes.
          if (l.zeroSize) new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(8, 0, true);
          const input = mutate(bytes, changes);
          if (process.env.FUZZ_TRACE) writeFileSync(process.env.FUZZ_TRACE, input);
          await expectSaneImport(PARSER, name, () => importFile({ name, bytes: input }));
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('FlatGeobuf : cas extrêmes', () => {
  it('refuse en français, sans boucler, un en-tête qui annonce un index spatial mais zéro entité', async () => {
    const bytes = writeFlatGeobuf(
      [0, 1, 2].map((i) => ({ type: 'Feature', properties: { rang: String(i) }, geometry: { type: 'Point', coordinates: [2.8 + i / 100, 50.4] } })),
      { name: 'essai' },
    );
    setFeaturesCount(bytes, 3, 0);
    await expectSaneImport(PARSER, 'index.fgb', () => importFile({ name: 'index.fgb', bytes }));
    expect(lastRefusal?.message).toMatch(/annonce un index spatial mais aucune entité/);
  });
});
