// Each export format on a small mixed collection near Lens, re-read with an independent reader.
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { Rect } from 'flatgeobuf/lib/mjs/packedrtree.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { GeoFeature } from '../../layers/types';
import { attributionSentence, OSM_NOTICE } from '../../src/core/credits';
import { exportFeatures } from '../../src/core/export';
import type { Credit, ExportFormat } from '../../src/core/types';

const HOSTILE_HTML = '<img src=x onerror=alert(1)>';
const HOSTILE_FORMULA = '=HYPERLINK("http://x")';
const CREDITS: Credit[] = [
  { producer: 'Mission Bassin Minier', date: '2018 / 2026', licence: 'Licence Ouverte / Etalab 2.0', attribution: 'Mission Bassin Minier – UNESCO' },
  {
    producer: "© les contributeurs d'OpenStreetMap",
    date: '2022-01-23',
    licence: 'ODbL 1.0',
    attribution: "EuroVelo 5 : © les contributeurs d'OpenStreetMap (ODbL)",
  },
];
const ATTRIBUTION = attributionSentence(CREDITS);
const NAME = 'Cités minières / Liévin';

function features(): GeoFeature[] {
  const f = (geometry: Geometry, properties: Record<string, unknown>): GeoFeature => ({ type: 'Feature', geometry, properties });
  return [
    f(
      { type: 'Point', coordinates: [2.8312345, 50.4321987] },
      { nom: 'Fosse 11/19 — Loos-en-Gohelle', hauteur_m: 186.5, visites: 12000, note: null, commentaire: HOSTILE_HTML },
    ),
    f(
      {
        type: 'LineString',
        coordinates: [
          [2.82, 50.43],
          [2.835, 50.4355],
          [2.85, 50.44],
        ],
      },
      { nom: 'Cavalier de Liévin & Éleu', hauteur_m: 3, visites: null, note: HOSTILE_FORMULA, commentaire: 'ça « marche »' },
    ),
    f(
      {
        type: 'Polygon',
        coordinates: [
          [
            [2.81, 50.42],
            [2.83, 50.42],
            [2.83, 50.44],
            [2.81, 50.44],
            [2.81, 50.42],
          ],
          [
            [2.815, 50.425],
            [2.82, 50.425],
            [2.82, 50.43],
            [2.815, 50.425],
          ],
        ],
      },
      { nom: 'Cité Saint-Théodore', hauteur_m: -1.25, visites: 0, note: '-3', commentaire: '+33 3 21 00 00 00' },
    ),
    f(
      {
        type: 'MultiPoint',
        coordinates: [
          [2.84, 50.45],
          [2.845, 50.452],
        ],
      },
      { nom: 'Puits 3 et 3 bis', hauteur_m: 0.1, visites: 7, note: '@SUM(A1)', commentaire: 'ligne 1\nligne 2' },
    ),
  ];
}

const run = (format: ExportFormat, input: GeoFeature[] = features()) =>
  exportFeatures(input, { format, name: NAME, credits: CREDITS, generatedAt: '2026-03-14T09:00:00.000Z' });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes); // strips the BOM
const byName = <T extends { properties: unknown }>(list: T[], nom: string): T =>
  list.find((x) => (x.properties as { nom?: unknown } | null)?.nom === nom)!;

describe('exportFeatures', () => {
  it.each(['geojson', 'flatgeobuf', 'csv', 'kml'] as const)('refuses an empty layer in %s, in French', (format) => {
    expect(() => run(format, [])).toThrow('rien à exporter : la couche est vide');
  });

  it('names files with a safe slug and the format extension', () => {
    expect(run('geojson').fileName).toBe('cites-minieres-lievin.geojson');
    expect(run('flatgeobuf').fileName).toBe('cites-minieres-lievin.fgb');
    expect(run('csv').fileName).toBe('cites-minieres-lievin.csv');
    expect(exportFeatures(features(), { format: 'kml', name: '../../Œuvres: "été"', credits: [] }).fileName).toBe('oeuvres-ete.kml');
    expect(exportFeatures(features(), { format: 'kml', name: '///', credits: [] }).fileName).toBe('export.kml');
  });
});

describe('GeoJSON export', () => {
  it('is an RFC 7946 collection carrying name, credits and attribution', () => {
    const file = run('geojson');
    expect(file.mime).toBe('application/geo+json');
    const parsed = JSON.parse(text(file.bytes));
    expect(parsed).toMatchObject({ type: 'FeatureCollection', name: NAME, credits: CREDITS, attribution: ATTRIBUTION });
    expect(parsed.attribution).toContain(OSM_NOTICE);
    expect(parsed.attribution).toContain("Réalisé avec l'Atlas Lens-Liévin");
    expect(parsed.crs).toBeUndefined();
    expect(parsed.features).toEqual(features());
  });
});

async function readFgb(bytes: Uint8Array, rect?: Rect) {
  let header: HeaderMeta | null = null;
  const read: Feature<Geometry, Record<string, unknown>>[] = [];
  for await (const f of deserialize(bytes, { rect, headerMetaFn: (h) => (header = h) })) read.push(f as Feature<Geometry, Record<string, unknown>>);
  return { features: read, header: header as HeaderMeta | null };
}

describe('FlatGeobuf export', () => {
  it('stores the credits in the header, read back by flatgeobuf', async () => {
    const file = run('flatgeobuf');
    const { header, features: read } = await readFgb(file.bytes);
    expect(read).toHaveLength(4);
    expect(header?.title).toBe(NAME);
    expect(header?.description).toBe(ATTRIBUTION);
    expect(JSON.parse(header?.metadata ?? 'null')).toEqual({ credits: CREDITS, attribution: ATTRIBUTION, generatedAt: '2026-03-14T09:00:00.000Z' });
  });

  it('round-trips geometries and non-null properties', async () => {
    const { features: read } = await readFgb(run('flatgeobuf').bytes);
    for (const source of features()) {
      const back = byName(read, source.properties.nom as string);
      expect(back.geometry).toEqual(source.geometry);
      const nonNull = Object.fromEntries(Object.entries(source.properties).filter(([, v]) => v !== null));
      expect(back.properties).toEqual(nonNull);
    }
  });

  it('answers bbox reads through its spatial index', async () => {
    const bytes = run('flatgeobuf').bytes;
    const names = async (rect: Rect) => (await readFgb(bytes, rect)).features.map((f) => f.properties.nom).sort();
    expect(await names({ minX: 2.831, minY: 50.432, maxX: 2.8315, maxY: 50.4325 })).toEqual([
      'Cavalier de Liévin & Éleu',
      'Fosse 11/19 — Loos-en-Gohelle',
    ]);
    expect(await names({ minX: 2.844, minY: 50.451, maxX: 2.846, maxY: 50.453 })).toEqual(['Puits 3 et 3 bis']);
    expect(await names({ minX: 3.5, minY: 51, maxX: 3.6, maxY: 51.1 })).toEqual([]);
  });

  it('explains in French why a feature without geometry cannot be written', () => {
    const input = features();
    (input[1] as { geometry: Geometry | null }).geometry = null;
    expect(() => run('flatgeobuf', input)).toThrow(/1 objet sans géométrie/);
  });
});

describe('CSV export', () => {
  const parse = (bytes: Uint8Array) => Papa.parse<Record<string, string>>(text(bytes), { delimiter: ';', header: true, skipEmptyLines: true });

  it('is UTF-8 with a BOM, `;`-separated, CRLF, one row per feature', () => {
    const file = run('csv');
    expect(file.mime).toBe('text/csv;charset=utf-8');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = text(file.bytes);
    expect(raw.split('\r\n')[0]).toBe('nom;hauteur_m;visites;note;commentaire;geometrie_type;longitude;latitude;geometrie_wkt;sources');
    const { data, errors } = parse(file.bytes);
    expect(errors).toEqual([]);
    expect(data).toHaveLength(4);
  });

  it('writes numbers with a decimal comma, coordinates of points only, WKT with a decimal point', () => {
    const [point, line, polygon, multi] = parse(run('csv').bytes).data;
    expect(point).toMatchObject({ nom: 'Fosse 11/19 — Loos-en-Gohelle', hauteur_m: '186,5', visites: '12000', note: '', geometrie_type: 'Point' });
    expect(point.longitude).toBe('2,8312345');
    expect(point.latitude).toBe('50,4321987');
    expect(point.geometrie_wkt).toBe('POINT (2.8312345 50.4321987)');
    expect(line).toMatchObject({ longitude: '', latitude: '', geometrie_wkt: 'LINESTRING (2.82 50.43, 2.835 50.4355, 2.85 50.44)' });
    expect(polygon.hauteur_m).toBe('-1,25');
    expect(polygon.geometrie_wkt).toBe(
      'POLYGON ((2.81 50.42, 2.83 50.42, 2.83 50.44, 2.81 50.44, 2.81 50.42), (2.815 50.425, 2.82 50.425, 2.82 50.43, 2.815 50.425))',
    );
    expect(multi.geometrie_wkt).toBe('MULTIPOINT ((2.84 50.45), (2.845 50.452))');
    expect(multi.commentaire).toBe('ligne 1\nligne 2');
    expect(line.nom).toBe('Cavalier de Liévin & Éleu');
    expect(line.commentaire).toBe('ça « marche »');
  });

  it('neutralises cells a spreadsheet would run as formulas, not plain numbers', () => {
    const [point, line, polygon, multi] = parse(run('csv').bytes).data;
    expect(line.note).toBe(`'${HOSTILE_FORMULA}`);
    expect(multi.note).toBe("'@SUM(A1)");
    expect(polygon.commentaire).toBe("'+33 3 21 00 00 00");
    expect(polygon.note).toBe('-3');
    expect(point.commentaire).toBe(HOSTILE_HTML);
    const withHostileKey = features().map((f) => ({ ...f, properties: { ...f.properties, '=cmd|calc': 'x', tab: '\t=1' } }));
    const { data, meta } = parse(run('csv', withHostileKey).bytes);
    expect(meta.fields).toContain("'=cmd|calc");
    expect(data[0].tab).toBe("'\t=1");
  });

  it('carries the attribution on every row and keeps generated columns distinct', () => {
    expect(parse(run('csv').bytes).data.every((row) => row.sources === ATTRIBUTION)).toBe(true);
    const clash = features().map((f) => ({ ...f, properties: { ...f.properties, longitude: 'x', sources: 'y' } }));
    const { meta } = parse(run('csv', clash).bytes);
    expect(meta.fields?.slice(-5)).toEqual(['geometrie_type', 'longitude_2', 'latitude', 'geometrie_wkt', 'sources_2']);
  });
});

/** KML has no Multi* types: a MultiGeometry of points comes back as a GeometryCollection. */
function asMulti(g: Geometry | null): Geometry | null {
  if (g?.type !== 'GeometryCollection' || !g.geometries.every((p) => p.type === 'Point')) return g;
  return { type: 'MultiPoint', coordinates: g.geometries.map((p) => (p as { coordinates: number[] }).coordinates) };
}

describe('KML export', () => {
  const parseXml = (xml: string) => {
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (_level, message) => errors.push(String(message)) }).parseFromString(xml, 'text/xml');
    return { doc, errors };
  };

  it('is well-formed, names the document and carries the attribution and credits', () => {
    const file = run('kml');
    expect(file.mime).toBe('application/vnd.google-earth.kml+xml');
    const { doc, errors } = parseXml(text(file.bytes));
    expect(errors).toEqual([]);
    const documentEl = doc.getElementsByTagName('Document')[0];
    const child = (tag: string) => Array.from(documentEl.childNodes).find((n) => n.nodeName === tag)?.textContent;
    expect(child('name')).toBe(NAME);
    expect(child('description')).toContain(ATTRIBUTION);
    expect(JSON.parse(doc.getElementsByTagName('value')[0].textContent ?? '')).toEqual(CREDITS);
  });

  it('escapes hostile values: text round-trips, no element is injected', () => {
    const input = features();
    input[2].properties.note = '</value></Data><script>alert("x")</script>&amp;';
    const xml = text(exportFeatures(input, { format: 'kml', name: 'Couche <b>&</b>', credits: CREDITS }).bytes);
    const { doc, errors } = parseXml(xml);
    expect(errors).toEqual([]);
    for (const tag of ['script', 'img', 'b']) expect(doc.getElementsByTagName(tag)).toHaveLength(0);
    expect(doc.getElementsByTagName('name')[0].textContent).toBe('Couche <b>&</b>');
    const read = kmlToGeoJson(doc as unknown as Document).features;
    expect(byName(read, 'Cité Saint-Théodore').properties?.note).toBe('</value></Data><script>alert("x")</script>&amp;');
    expect(byName(read, 'Fosse 11/19 — Loos-en-Gohelle').properties?.commentaire).toBe(HOSTILE_HTML);
  });

  it('round-trips features, geometries and properties (as KML text)', () => {
    const { doc } = parseXml(text(run('kml').bytes));
    const read = kmlToGeoJson(doc as unknown as Document).features;
    expect(read).toHaveLength(4);
    for (const source of features()) {
      const back = byName(read, source.properties.nom as string);
      expect(asMulti(back.geometry)).toEqual(source.geometry);
      for (const [key, value] of Object.entries(source.properties)) {
        // KML Data values are text; null values are left out rather than written as "null".
        if (value === null) expect(back.properties?.[key]).toBeUndefined();
        else expect(back.properties?.[key]).toBe(String(value));
      }
    }
  });
});
