import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCSV, readGeoJSON, readGPX, readSource } from '../../scripts/geodata/steps/read';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const json = (v: unknown) => utf8(JSON.stringify(v));

describe('readGeoJSON', () => {
  it('reads a FeatureCollection, keeping properties and geometry, and promotes the feature id', () => {
    const { features, rows, declaredCrs } = readGeoJSON(
      json({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', id: 'A-1', properties: { nom: 'Lens' }, geometry: { type: 'Point', coordinates: [2.83, 50.43] } },
          { type: 'Feature', id: 7, properties: { nom: 'Liévin', id: 'garde-le' }, geometry: { type: 'Point', coordinates: [2.78, 50.42] } },
          { type: 'Feature', properties: null, geometry: null },
        ],
      }),
      'essai',
    );
    expect(rows).toEqual([]);
    expect(declaredCrs).toBeNull();
    expect(features).toHaveLength(3);
    expect(features[0].properties).toEqual({ nom: 'Lens', id: 'A-1' });
    expect(features[0].geometry).toEqual({ type: 'Point', coordinates: [2.83, 50.43] });
    // An explicit `id` property is not overwritten by the feature id.
    expect(features[1].properties).toEqual({ nom: 'Liévin', id: 'garde-le' });
    // Null properties become an empty object, a null geometry stays null (normalise drops it, naming it).
    expect(features[2].properties).toEqual({});
    expect(features[2].geometry).toBeNull();
  });

  it('accepts a lone Feature and a UTF-8 byte-order mark', () => {
    const bytes = utf8(
      '\uFEFF' +
        JSON.stringify({ type: 'Feature', properties: { nom: 'Éleu-dit-Leauwette' }, geometry: { type: 'Point', coordinates: [2.8, 50.41] } }),
    );
    const { features } = readGeoJSON(bytes, 'essai');
    expect(features).toHaveLength(1);
    expect(features[0].properties.nom).toBe('Éleu-dit-Leauwette');
  });

  it('returns the declared crs member', () => {
    const { declaredCrs } = readGeoJSON(
      json({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } }, features: [] }),
      'essai',
    );
    expect(declaredCrs).toBe('urn:ogc:def:crs:EPSG::2154');
  });

  it('rejects broken JSON with a French message naming the source', () => {
    expect(() => readGeoJSON(utf8('{"type": "FeatureCollection", "features": [ {'), 'parcs-terrils-zt')).toThrow(
      /^source « parcs-terrils-zt » : JSON illisible/,
    );
  });

  it('rejects bytes that are not UTF-8 (e.g. a Latin-1 file)', () => {
    // "Liévin" in ISO-8859-1: é is the single byte 0xE9.
    const latin1 = new Uint8Array([...utf8('{"type":"Feature","properties":{"nom":"Li'), 0xe9, ...utf8('vin"},"geometry":null}')]);
    expect(() => readGeoJSON(latin1, 'communes')).toThrow("source « communes » : le fichier n'est pas un texte UTF-8 valide");
  });

  it('rejects JSON that is not GeoJSON features', () => {
    for (const doc of [{ type: 'Point', coordinates: [1, 2] }, [1, 2, 3], { type: 'FeatureCollection' }, 42]) {
      expect(() => readGeoJSON(json(doc), 'qpv-liste'), JSON.stringify(doc)).toThrow(
        "source « qpv-liste » : ce n'est pas une FeatureCollection GeoJSON",
      );
    }
  });

  it('rejects a JSON null with the same message, not a TypeError', () => {
    expect(() => readGeoJSON(utf8('null'), 'qpv-liste')).toThrow("source « qpv-liste » : ce n'est pas une FeatureCollection GeoJSON");
  });
});

describe('readGPX', () => {
  it('turns each track segment into its own LineString, 2D, numbered, and ignores waypoints', () => {
    const { features, rows, declaredCrs } = readGPX(fixture('deux-segments.gpx'), 'ev5-gpx');
    expect(rows).toEqual([]);
    expect(declaredCrs).toBeNull();
    expect(features).toHaveLength(2);
    expect(features.map((f) => f.properties.gpx_segment)).toEqual([0, 1]);
    expect(features.every((f) => f.properties.name === "Itinéraire d'essai")).toBe(true);
    // GPX is lat/lon in attributes; GeoJSON is [lon, lat]; elevation is dropped.
    expect(features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [2.81, 50.4],
        [2.81, 50.42],
      ],
    });
    expect(features[1].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [2.79, 50.43],
        [2.8, 50.43],
        [2.8, 50.44],
      ],
    });
  });

  it('reads a route (<rte>) as one segment', () => {
    const gpxText = `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><rte><name>R</name>
      <rtept lat="50.41" lon="2.80"/><rtept lat="50.42" lon="2.81"/></rte></gpx>`;
    const { features } = readGPX(utf8(gpxText), 'ev5-gpx');
    expect(features).toHaveLength(1);
    expect(features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [2.8, 50.41],
        [2.81, 50.42],
      ],
    });
  });

  it('rejects a file that is not XML', () => {
    expect(() => readGPX(utf8('{"type":"FeatureCollection","features":[]}'), 'ev5-gpx')).toThrow(/^source « ev5-gpx » : GPX illisible/);
    expect(() => readGPX(utf8('<gpx><trk><trkseg><trkpt lat="1" lon="2"></trk></gpx>'), 'ev5-gpx')).toThrow(/^source « ev5-gpx » : GPX illisible/);
  });

  it('rejects well-formed XML that is not GPX (e.g. KML)', () => {
    const kml = '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>';
    expect(() => readGPX(utf8(kml), 'ev5-gpx')).toThrow(/^source « ev5-gpx » : GPX illisible/);
  });

  it('rejects non-UTF-8 bytes', () => {
    const bytes = new Uint8Array([...utf8('<?xml version="1.0"?><gpx><trk><name>Li'), 0xe9, ...utf8('vin</name></trk></gpx>')]);
    expect(() => readGPX(bytes, 'ev5-gpx')).toThrow("source « ev5-gpx » : le fichier n'est pas un texte UTF-8 valide");
  });
});

describe('readCSV', () => {
  it('reads a comma-separated table with quoted fields', () => {
    const { rows, features } = readCSV(utf8('site_name,commune,in_CALL\n"Captage A, nord",Lens,true\nCaptage B,Liévin,false\n'), 'captages-noms');
    expect(features).toEqual([]);
    expect(rows).toEqual([
      { site_name: 'Captage A, nord', commune: 'Lens', in_CALL: 'true' },
      { site_name: 'Captage B', commune: 'Liévin', in_CALL: 'false' },
    ]);
  });

  it('detects a semicolon delimiter, even when fields contain commas, and skips blank lines', () => {
    const { rows } = readCSV(fixture('captages-point-virgule.csv'), 'captages-noms');
    expect(rows).toEqual([
      {
        site_name: 'Captage des Prés',
        commune: 'Lens',
        in_CALL: 'true',
        status_in_source: 'prioritaire - CARE',
        details_in_source: 'nitrates, pesticides',
        quote_from_source: 'le captage des Prés, classé prioritaire | autre citation',
      },
      {
        site_name: 'Forage du Marais',
        commune: 'Éleu-dit-Leauwette',
        in_CALL: 'true',
        status_in_source: '',
        details_in_source: '',
        quote_from_source: '',
      },
      {
        site_name: 'Captage Sud',
        commune: 'Arras',
        in_CALL: 'false',
        status_in_source: 'non prioritaire, stratégique pour la CALL - CARE',
        details_in_source: 'ancien ; puits',
        quote_from_source: '',
      },
      {
        site_name: "Aire d'alimentation (AAC) of all captages",
        commune: '(multiple)',
        in_CALL: 'partly',
        status_in_source: 'AAC total area 10 km²',
        details_in_source: '',
        quote_from_source: "l'aire représente 10 km²",
      },
    ]);
  });

  it('detects a tab delimiter and strips a byte-order mark from the first header', () => {
    const { rows } = readCSV(utf8('\uFEFFsite_name\tcommune\nCaptage C\tLens\n'), 'captages-noms');
    expect(rows).toEqual([{ site_name: 'Captage C', commune: 'Lens' }]);
  });

  it('tolerates a short row among good ones', () => {
    const { rows } = readCSV(utf8('a,b,c\n1,2,3\n4,5\n'), 'x');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({ a: '1', b: '2', c: '3' });
    expect(rows[1]).toMatchObject({ a: '4', b: '5' });
  });

  it('rejects an unterminated quote with the source and line named', () => {
    expect(() => readCSV(utf8('a,b\n"1,2\n3,4\n'), 'captages-noms')).toThrow(/^source « captages-noms » : CSV illisible, ligne/);
  });

  it('rejects non-UTF-8 bytes', () => {
    const bytes = new Uint8Array([...utf8('site_name;commune\nCaptage;Li'), 0xe9, ...utf8('vin\n')]);
    expect(() => readCSV(bytes, 'captages-noms')).toThrow("source « captages-noms » : le fichier n'est pas un texte UTF-8 valide");
  });
});

describe('readSource', () => {
  it('dispatches on the manifest format', () => {
    expect(readSource('csv', utf8('a;b\n1;2\n'), 's').rows).toEqual([{ a: '1', b: '2' }]);
    expect(readSource('gpx', fixture('deux-segments.gpx'), 's').features).toHaveLength(2);
    expect(readSource('geojson', json({ type: 'FeatureCollection', features: [] }), 's').features).toEqual([]);
  });

  it('rejects an unknown format, naming it', () => {
    expect(() => readSource('shp', new Uint8Array(4), 'cites-puits')).toThrow('source « cites-puits » : format « shp » non pris en charge');
  });
});
