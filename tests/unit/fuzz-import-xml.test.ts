// Property-based tests of the KML, KMZ and GPX imports: generated documents round-trip (count,
// coordinates, hostile names and data kept as text); corrupted or hostile XML (entity bombs,
// token soup, deep nesting) is refused in French or imported sanely.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { mapPositions } from '../../src/core/geo/crs';
import { importFile } from '../../src/core/import';
import { utf8 } from '../support/import-fixtures';
import {
  ccwRing,
  ENCODE_EVERY_VALID,
  expectSaneImport,
  FUZZ_RUNS_PER_PARSER,
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

afterAll(() => writeSummary('xml'));

/** Characters XML 1.0 cannot carry at all (NUL, most C0 controls, U+FFFE/FFFF) are left out of generated text. */
const xmlText = hostileText().map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
const coordinates = (ps: Position[]) => ps.map((p) => `${p[0]},${p[1]}`).join(' ');

interface Placemark {
  name: string;
  data: Record<string, string>;
  geometry: Geometry;
}

const kmlGeometry: fc.Arbitrary<Geometry> = fc.oneof(
  lensLonLat.map((c): Geometry => ({ type: 'Point', coordinates: c })),
  fc.array(lensLonLat, { minLength: 2, maxLength: 8 }).map((c): Geometry => ({ type: 'LineString', coordinates: c })),
  ccwRing().map((r): Geometry => ({ type: 'Polygon', coordinates: [r] })),
);

const placemark: fc.Arbitrary<Placemark> = fc.record({
  name: xmlText,
  data: fc.dictionary(
    propertyName.filter((k) => k !== 'name'),
    xmlText,
    { maxKeys: 3 },
  ),
  geometry: kmlGeometry,
});

function kmlGeometryXml(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${coordinates([g.coordinates])}</coordinates></Point>`;
    case 'LineString':
      return `<LineString><coordinates>${coordinates(g.coordinates)}</coordinates></LineString>`;
    case 'Polygon':
      return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates(g.coordinates[0])}</coordinates></LinearRing></outerBoundaryIs></Polygon>`;
    default:
      throw new Error(g.type);
  }
}

function kml(placemarks: Placemark[]): string {
  const body = placemarks
    .map((p) => {
      const data = Object.entries(p.data)
        .map(([k, v]) => `<Data name="${k}"><value>${escape(v)}</value></Data>`)
        .join('');
      return `<Placemark><name>${escape(p.name)}</name>${data ? `<ExtendedData>${data}</ExtendedData>` : ''}${kmlGeometryXml(p.geometry)}</Placemark>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>essai</name>\n${body}\n</Document></kml>\n`;
}

interface Gpx {
  waypoints: { name: string; at: Position }[];
  tracks: { name: string; points: Position[] }[];
}

const gpxDoc: fc.Arbitrary<Gpx> = fc
  .record({
    waypoints: fc.array(fc.record({ name: xmlText, at: lensLonLat }), { maxLength: 4 }),
    tracks: fc.array(fc.record({ name: xmlText, points: fc.array(lensLonLat, { minLength: 2, maxLength: 8 }) }), { maxLength: 3 }),
  })
  .filter((g) => g.waypoints.length + g.tracks.length > 0);

function gpx(doc: Gpx): string {
  const wpts = doc.waypoints.map((w) => `<wpt lat="${w.at[1]}" lon="${w.at[0]}"><name>${escape(w.name)}</name></wpt>`).join('\n');
  const trks = doc.tracks
    .map((t) => `<trk><name>${escape(t.name)}</name><trkseg>${t.points.map((p) => `<trkpt lat="${p[1]}" lon="${p[0]}"/>`).join('')}</trkseg></trk>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="essai" xmlns="http://www.topografix.com/GPX/1/1">\n${wpts}\n${trks}\n</gpx>\n`;
}

/**
 * What the parser hands back for a text: the same (\r is written &#13;, which XML keeps), except
 * that xmldom turns the line ends U+2028, U+2029 and U+0085 into \n (harmless: still text).
 */
const parsed = (s: string) => s.replace(/[\u2028\u2029\u0085]/g, '\n');

const positions = (g: Geometry): Position[] => {
  const out: Position[] = [];
  mapPositions(g, (p) => (out.push(p), p));
  return out;
};

function expectSamePositions(got: Geometry, want: Geometry): void {
  const a = positions(got);
  const b = positions(want);
  expect(a).toHaveLength(b.length);
  a.forEach((p, i) => expect([p[0], p[1]]).toEqual([b[i][0], b[i][1]]));
}

describe('KML et KMZ : tests génératifs', () => {
  it(
    `importe fidèlement ${FUZZ_RUNS_PER_PARSER} documents KML ou KMZ générés (noms et données hostiles gardés en texte)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(placemark, { minLength: 1, maxLength: 6 }), fc.boolean(), async (placemarks, zipped) => {
          const text = kml(placemarks);
          const name = zipped ? 'genere.kmz' : 'genere.kml';
          const bytes = zipped ? zipSync({ 'doc.kml': utf8(text) }) : utf8(text);
          const layers = await expectSaneImport('KML', name, () => importFile({ name, bytes }), ENCODE_EVERY_VALID);
          const [layer] = layers!;
          expect(layer.features).toHaveLength(placemarks.length);
          layer.features.forEach((f, i) => {
            const p = placemarks[i];
            if (p.name !== '') expect(f.properties.name).toBe(parsed(p.name));
            for (const [k, v] of Object.entries(p.data)) expect(f.properties[k]).toBe(parsed(v));
            expectSamePositions(f.geometry, p.geometry);
          });
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} documents KML ou KMZ tronqués ou altérés`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(placemark, { minLength: 1, maxLength: 4 }),
          mutations,
          fc.constantFrom('kml', 'kmz', 'kmz-doc'),
          async (placemarks, changes, form) => {
            const text = utf8(kml(placemarks));
            // Either the KML itself is damaged (inside a sound zip or not), or the zip around it.
            const bytes =
              form === 'kml'
                ? mutate(text, changes)
                : form === 'kmz-doc'
                  ? zipSync({ 'doc.kml': mutate(text, changes) })
                  : mutate(zipSync({ 'doc.kml': text }), changes);
            const name = form === 'kml' ? 'altere.kml' : 'altere.kmz';
            await expectSaneImport('KML', name, () => importFile({ name, bytes }));
          },
        ),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('GPX : tests génératifs', () => {
  it(
    `importe fidèlement ${FUZZ_RUNS_PER_PARSER} traces GPX générées (points, traces, noms hostiles)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(gpxDoc, async (doc) => {
          const layers = await expectSaneImport(
            'GPX',
            'genere.gpx',
            () => importFile({ name: 'genere.gpx', bytes: utf8(gpx(doc)) }),
            ENCODE_EVERY_VALID,
          );
          const [layer] = layers!;
          expect(layer.features).toHaveLength(doc.waypoints.length + doc.tracks.length);
          // togeojson gives the tracks first, then the waypoints.
          doc.tracks.forEach((t, i) => {
            const f = layer.features[i];
            expect(f.properties.type_gpx).toBe('trace');
            if (t.name !== '') expect(f.properties.name).toBe(parsed(t.name));
            expectSamePositions(f.geometry, { type: 'LineString', coordinates: t.points });
          });
          doc.waypoints.forEach((w, i) => {
            const f = layer.features[doc.tracks.length + i];
            expect(f.properties.type_gpx).toBe('point');
            if (w.name !== '') expect(f.properties.name).toBe(parsed(w.name));
            expectSamePositions(f.geometry, { type: 'Point', coordinates: w.at });
          });
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} traces GPX tronquées ou altérées`,
    async () => {
      await fc.assert(
        fc.asyncProperty(gpxDoc, mutations, async (doc, changes) => {
          await expectSaneImport('GPX', 'altere.gpx', () => importFile({ name: 'altere.gpx', bytes: mutate(utf8(gpx(doc)), changes) }));
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('XML hostile', () => {
  const token = fc.constantFrom(
    '<kml>',
    '</kml>',
    '<gpx>',
    '</gpx>',
    '<Document>',
    '</Document>',
    '<Folder>',
    '</Folder>',
    '<Placemark>',
    '</Placemark>',
    '<name>',
    '</name>',
    '<Point>',
    '</Point>',
    '<coordinates>',
    '</coordinates>',
    '<LineString>',
    '<Polygon>',
    '<outerBoundaryIs>',
    '<LinearRing>',
    '<MultiGeometry>',
    '</MultiGeometry>',
    '<wpt lat="50.4" lon="2.8">',
    '<wpt lat="NaN" lon="1e308">',
    '</wpt>',
    '<trk>',
    '<trkseg>',
    '<trkpt lat="91" lon="-181"/>',
    '<trkpt lat="50.4" lon="2.8"/>',
    '</trkseg>',
    '</trk>',
    '2.8,50.4',
    '1e308,1e308',
    'NaN,NaN',
    'Infinity,0',
    '2.8,50.4,0 2.81,50.41',
    ',,,',
    ' ',
    '\n',
    '&amp;',
    '&unknown;',
    '&#0;',
    '&#xFFFF;',
    '<![CDATA[<script>alert(1)</script>]]>',
    '<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">]>',
    '&a;',
    '<?xml version="1.0"?>',
    '<!-- -->',
    '<ExtendedData><Data name="__proto__"><value>x</value></Data></ExtendedData>',
  );
  const soup = fc.array(token, { maxLength: 40 }).map((t) => t.join(''));

  it(
    `refuse en français ou importe proprement ${FUZZ_RUNS_PER_PARSER} soupes de balises KML et GPX`,
    async () => {
      await fc.assert(
        fc.asyncProperty(soup, fc.constantFrom('soupe.kml', 'soupe.gpx'), async (text, name) => {
          const root = name.endsWith('kml') ? 'kml' : 'gpx';
          await expectSaneImport(root === 'kml' ? 'KML' : 'GPX', name, () => importFile({ name, bytes: utf8(`<${root}>${text}</${root}>`) }));
        }),
        fuzzParams(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it("refuse ou importe sans l'exécuter une bombe d'entités XML (« billion laughs »)", async () => {
    const entities = ['<!ENTITY l0 "ha">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
    const text = `<?xml version="1.0"?><!DOCTYPE kml [${entities}]><kml><Document><Placemark><name>&l9;</name><Point><coordinates>2.8,50.4</coordinates></Point></Placemark></Document></kml>`;
    const layers = await expectSaneImport('KML', 'rires.kml', () => importFile({ name: 'rires.kml', bytes: utf8(text) }));
    if (layers) expect(String(layers[0].features[0].properties.name ?? '').length).toBeLessThan(1000);
  });

  it('refuse ou importe un KML imbriqué sur 100 000 dossiers, et une MultiGeometry sur 10 000 niveaux', async () => {
    const folders = `<kml><Document>${'<Folder>'.repeat(100_000)}<Placemark><Point><coordinates>2.8,50.4</coordinates></Point></Placemark>${'</Folder>'.repeat(100_000)}</Document></kml>`;
    await expectSaneImport('KML', 'dossiers.kml', () => importFile({ name: 'dossiers.kml', bytes: utf8(folders) }));
    const multi = `<kml><Placemark>${'<MultiGeometry>'.repeat(10_000)}<Point><coordinates>2.8,50.4</coordinates></Point>${'</MultiGeometry>'.repeat(10_000)}</Placemark></kml>`;
    await expectSaneImport('KML', 'multi.kml', () => importFile({ name: 'multi.kml', bytes: utf8(multi) }));
    expect(lastRefusal?.message).toMatch(/éléments imbriqués sur plus de 500 niveaux/);
  }, 60_000);
});
