import { zipSync } from 'fflate';
import type { LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/core/import';
import { boundsOf, expectBoundsClose, importOne, PATH, project, SITES, utf8 } from '../support/import-fixtures';
import { encodeWindows1252 } from '../support/shapefile-writer';

const siteBounds = boundsOf(SITES.map((s) => s.lonLat));
const comma = (n: number, digits: number) => n.toFixed(digits).replace('.', ',');

describe('CSV', () => {
  it('reads ";" with decimal commas, a BOM and comment lines, and skips rows without coordinates', async () => {
    const rows = SITES.map((s) => `${s.nom};${s.commune};${comma(s.lonLat[0], 6)};${comma(s.lonLat[1], 6)}`);
    const text = `\uFEFF# Export du 12/03/2026\n# source : tests\nNom;Commune;Longitude;Latitude\n${rows.join('\n')}\nSans position;Lens;;\nFaux;Lens;abc;50,4\n`;
    const layer = await importOne('sites.csv', utf8(text));
    expect(layer).toMatchObject({ format: 'csv', crsUsed: 'EPSG:4326', crs: { source: 'etendue' } });
    expect(layer.features).toHaveLength(3);
    expect(layer.propertyNames).toEqual(['Nom', 'Commune', 'Longitude', 'Latitude']);
    expect(layer.features[1].properties).toEqual({ Nom: 'Église Saint-Amé', Commune: 'Liévin', Longitude: '2,778500', Latitude: '50,421500' });
    expectBoundsClose(layer.bounds, siteBounds);
    expect(layer.warnings).toEqual(['sites.csv : 2 lignes sans coordonnées valides (« Longitude » / « Latitude ») ignorées.']);
  });

  it('reads X/Y in Lambert-93 and CC50 (detected by ranges), with accents-insensitive column names', async () => {
    for (const [code, header] of [
      ['EPSG:2154', 'coord_x,Coord_Y'],
      ['EPSG:3950', 'X,Y'],
    ] as const) {
      const rows = SITES.map((s) => {
        const [x, y] = project(code, s.lonLat);
        return `"${s.nom}",${x.toFixed(3)},${y.toFixed(3)}`;
      });
      const layer = await importOne('xy.csv', utf8(`nom,${header}\n${rows.join('\n')}\n`));
      expect(layer.crs, code).toMatchObject({ code, source: 'etendue' });
      expectBoundsClose(layer.bounds, siteBounds);
    }
  });

  it('reads tabs, "Lat"/"Lng" names and windows-1252 text with a warning', async () => {
    const text = `Nom\tLng\tLat\n${SITES.map((s) => `${s.nom}\t${s.lonLat[0]}\t${s.lonLat[1]}`).join('\n')}\n`;
    const layer = await importOne('tab.tsv', encodeWindows1252(text));
    expect(layer.features[1].properties.Nom).toBe('Église Saint-Amé');
    expect(layer.warnings).toEqual([expect.stringMatching(/^tab\.tsv : le texte n'est pas en UTF-8 ; il est lu en windows-1252/)]);
  });

  it('reads a WKT geometry column', async () => {
    const wkt = `LINESTRING (${PATH.map((p) => p.join(' ')).join(', ')})`;
    const text = `nom;geometrie\nEV5;"${wkt}"\nPoint;POINT (2.83 50.43)\nRien;POINT EMPTY\n`;
    const layer = await importOne('wkt.csv', utf8(text));
    expect(layer.geometryTypes).toEqual({ LineString: 1, Point: 1 });
    expect((layer.features[0].geometry as LineString).coordinates).toEqual(PATH);
    expect(layer.warnings).toEqual(['wkt.csv : 1 entité à la géométrie vide ignorée.']);
  });

  it('says which columns it looked for when none fits', async () => {
    await expect(importFile({ name: 'sans.csv', bytes: utf8('nom;adresse\nA;1 rue de Lens\n') })).rejects.toMatchObject({
      code: 'sans-geometrie',
      message: expect.stringMatching(
        /^sans\.csv : .*colonnes de coordonnées introuvables parmi « nom », « adresse » ; attendues : longitude et latitude/,
      ),
    });
  });
});

const KML_HEAD = '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Essai</name>';
const placemark = (name: string, lonLat: number[], description = '') =>
  `<Placemark><name>${name}</name>${description}<Point><coordinates>${lonLat[0]},${lonLat[1]},0</coordinates></Point></Placemark>`;
const line = `<Placemark><name>Liaison</name><LineString><coordinates>${PATH.map((p) => `${p[0]},${p[1]}`).join(' ')}</coordinates></LineString></Placemark>`;

describe('KML and KMZ', () => {
  it('reads placemarks as WGS 84 (format), keeping an HTML description as text', async () => {
    const description = '<description><![CDATA[<p onclick="x()">Stade <b>Bollaert</b></p>]]></description>';
    const kml = `${KML_HEAD}${placemark('Stade', SITES[0].lonLat, description)}${line}</Document></kml>`;
    const layer = await importOne('sites.kml', utf8(kml));
    expect(layer).toMatchObject({
      format: 'kml',
      name: 'sites',
      crs: { code: 'EPSG:4326', source: 'format' },
      geometryTypes: { Point: 1, LineString: 1 },
    });
    expect(layer.features[0].properties).toMatchObject({ name: 'Stade', description: '<p onclick="x()">Stade <b>Bollaert</b></p>' });
    expect(layer.warnings).toEqual([]);
  });

  it('splits a flat list of folders into one layer each', async () => {
    const kml = `${KML_HEAD}<Folder><name>Sites</name>${SITES.map((s) => placemark(s.nom, s.lonLat)).join('')}</Folder><Folder><name>Itinéraires</name>${line}</Folder></Document></kml>`;
    const layers = await importFile({ name: 'carte.kml', bytes: utf8(kml) });
    expect(layers.map((l) => [l.name, l.features.length, l.fileName])).toEqual([
      ['Sites', 3, 'carte.kml'],
      ['Itinéraires', 1, 'carte.kml'],
    ]);
  });

  it('keeps nested folders in one layer with a "dossier" property', async () => {
    const kml = `${KML_HEAD}${placemark('Seul', SITES[0].lonLat)}<Folder><name>Parcs</name><Folder><name>Terrils</name>${placemark('T', SITES[2].lonLat)}</Folder></Folder></Document></kml>`;
    const layer = await importOne('arbre.kml', utf8(kml));
    expect(layer.features.map((f) => f.properties.dossier)).toEqual([undefined, 'Parcs / Terrils']);
    expect(layer.propertyNames).toEqual(['name', 'dossier']);
  });

  it('reads a KMZ (doc.kml inside a zip)', async () => {
    const kml = `${KML_HEAD}${SITES.map((s) => placemark(s.nom, s.lonLat)).join('')}</Document></kml>`;
    const kmz = zipSync({ 'doc.kml': utf8(kml), 'files/icone.png': new Uint8Array([1, 2, 3]) });
    const layer = await importOne('sites.kmz', kmz);
    expect(layer).toMatchObject({ format: 'kmz', name: 'sites', crs: { source: 'format' } });
    expectBoundsClose(layer.bounds, siteBounds);
  });

  it('reports a truncated KML', async () => {
    const kml = `${KML_HEAD}${placemark('Stade', SITES[0].lonLat)}</Document></kml>`;
    await expect(importFile({ name: 'coupe.kml', bytes: utf8(kml.slice(0, -25)) })).rejects.toMatchObject({ code: 'tronque', fileName: 'coupe.kml' });
  });
});

describe('GPX', () => {
  it('reads waypoints, routes and tracks in one layer, telling them apart', async () => {
    const pts = PATH.map((p) => `<trkpt lat="${p[1]}" lon="${p[0]}"><ele>40</ele></trkpt>`).join('');
    const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="essai" xmlns="http://www.topografix.com/GPX/1/1">
      <wpt lat="${SITES[0].lonLat[1]}" lon="${SITES[0].lonLat[0]}"><name>Stade</name></wpt>
      <rte><name>Route</name><rtept lat="50.42" lon="2.8"/><rtept lat="50.43" lon="2.81"/></rte>
      <trk><name>Sortie vélo</name><trkseg>${pts}</trkseg></trk></gpx>`;
    const layer = await importOne('sortie.gpx', utf8(gpx));
    expect(layer).toMatchObject({ format: 'gpx', crs: { code: 'EPSG:4326', source: 'format' }, geometryTypes: { Point: 1, LineString: 2 } });
    expect(layer.features.map((f) => [f.properties.name, f.properties.type_gpx])).toEqual([
      ['Sortie vélo', 'trace'],
      ['Route', 'itinéraire'],
      ['Stade', 'point'],
    ]);
    expect((layer.features[0].geometry as LineString).coordinates).toEqual(PATH);
    expect((layer.features[2].geometry as Point).coordinates).toEqual(SITES[0].lonLat);
    expect(layer.warnings).toEqual(['sortie.gpx : altitudes (Z) ignorées : la carte et les exports sont en deux dimensions.']);
  });

  it('refuses XML that is not GPX', async () => {
    await expect(importFile({ name: 'faux.gpx', bytes: utf8('<?xml version="1.0"?><gpx><oops></gpx>') })).rejects.toMatchObject({
      code: 'illisible',
    });
  });
});
