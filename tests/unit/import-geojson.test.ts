import { zipSync } from 'fflate';
import type { GeometryCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importFile, importFiles } from '../../src/core/import';
import {
  boundsOf,
  expectBoundsClose,
  importOne,
  json,
  PARK_HOLE,
  PARK_OUTER,
  PATH,
  project,
  projectGeometry,
  signedArea,
  SITES,
  utf8,
} from '../support/import-fixtures';

const sitesCollection = (code: Parameters<typeof project>[0] = 'EPSG:4326', extra: Record<string, unknown> = {}) => ({
  type: 'FeatureCollection',
  ...extra,
  features: SITES.map((s, i) => ({
    type: 'Feature',
    id: `site-${i}`,
    properties: { nom: s.nom, commune: s.commune },
    geometry: { type: 'Point', coordinates: project(code, s.lonLat) },
  })),
});

describe('GeoJSON: shapes of document', () => {
  it('reads a FeatureCollection in WGS 84, keeping ids, properties and order', async () => {
    const layer = await importOne('sites.geojson', json(sitesCollection()));
    expect(layer).toMatchObject({
      fileName: 'sites.geojson',
      name: 'sites',
      format: 'geojson',
      crsUsed: 'EPSG:4326',
      crs: { code: 'EPSG:4326', source: 'etendue' },
    });
    expect(layer.features.map((f) => f.id)).toEqual(['site-0', 'site-1', 'site-2']);
    expect(layer.propertyNames).toEqual(['nom', 'commune']);
    expect(layer.bounds).toEqual(boundsOf(SITES.map((s) => s.lonLat)));
    expect(layer.warnings).toEqual([]);
  });

  it('reads a single Feature and a bare geometry', async () => {
    const feature = await importOne('un.json', json({ type: 'Feature', properties: { a: 1 }, geometry: { type: 'LineString', coordinates: PATH } }));
    expect(feature.geometryTypes).toEqual({ LineString: 1 });
    const bare = await importOne('nu.geojson', json({ type: 'Point', coordinates: [2.83, 50.43] }));
    expect(bare.features[0]).toEqual({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [2.83, 50.43] } });
  });

  it('reads a Lambert-93 file declared by its crs member', async () => {
    const doc = sitesCollection('EPSG:2154', { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } } });
    const layer = await importOne('l93.geojson', json(doc));
    expect(layer.crs).toMatchObject({ code: 'EPSG:2154', source: 'membre-crs' });
    expect(layer.crs.detail).toContain('urn:ogc:def:crs:EPSG::2154');
    expectBoundsClose(layer.bounds, boundsOf(SITES.map((s) => s.lonLat)));
  });

  it('detects Lambert-93, CC50 and Web Mercator without declaration, and obeys an override', async () => {
    for (const code of ['EPSG:2154', 'EPSG:3950', 'EPSG:3857'] as const) {
      const layer = await importOne('x.geojson', json(sitesCollection(code)));
      expect(layer.crs, code).toMatchObject({ code, source: 'etendue' });
      expectBoundsClose(layer.bounds, boundsOf(SITES.map((s) => s.lonLat)));
    }
    // Web Mercator metres are also a place in France when read as Lambert-93: the user may say so.
    const forced = await importOne('x.geojson', json(sitesCollection('EPSG:3857')), { crs: 'EPSG:2154' });
    expect(forced.crs).toMatchObject({ code: 'EPSG:2154', source: 'utilisateur', candidates: ['EPSG:3857', 'EPSG:2154'] });
  });

  it('trusts the ranges when the crs member says WGS 84 over Lambert-93 coordinates, with a warning', async () => {
    const doc = sitesCollection('EPSG:2154', { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } });
    const layer = await importOne('faux.geojson', json(doc));
    expect(layer.crsUsed).toBe('EPSG:2154');
    expect(layer.warnings).toEqual([expect.stringMatching(/^faux\.geojson : le fichier déclare WGS 84 .* correspondent à RGF93 \/ Lambert-93/)]);
  });

  it('names an unsupported declared system', async () => {
    const doc = sitesCollection('EPSG:4326', { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32631' } } });
    await expect(importFile({ name: 'utm.geojson', bytes: json(doc) })).rejects.toMatchObject({
      code: 'crs-inconnu',
      message: expect.stringMatching(/^utm\.geojson : système de coordonnées « urn:ogc:def:crs:EPSG::32631 » non pris en charge/),
    });
  });

  it('reads world lon/lat outside France as WGS 84 (RFC 7946 default), and refuses metres that fit nothing', async () => {
    const layer = await importOne('dakar.geojson', json({ type: 'Point', coordinates: [-17.44, 14.69] }));
    expect(layer.crs).toMatchObject({ code: 'EPSG:4326', source: 'format' });
    const error = await importFile({ name: 'suisse.geojson', bytes: json({ type: 'Point', coordinates: [2_600_000, 1_200_000] }) }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'crs-inconnu',
      message: expect.stringContaining('suisse.geojson : impossible de reconnaître le système de coordonnées'),
    });
  });
});

describe('GeoJSON: geometry checks', () => {
  it('skips null, empty, non-numeric and out-of-range geometries, one warning per kind', async () => {
    const good = SITES.map((s) => ({ type: 'Feature', properties: { nom: s.nom }, geometry: { type: 'Point', coordinates: s.lonLat } }));
    const doc = {
      type: 'FeatureCollection',
      features: [
        ...good,
        { type: 'Feature', properties: {}, geometry: null },
        { type: 'Feature', properties: {}, geometry: null },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['2.8', 50.4] } },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [2.8, 50.4],
              [null, 50.41],
            ],
          },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [2.8, 95] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Curve', coordinates: [] } },
        'pas une entité',
      ],
    };
    const layer = await importOne('mixte.geojson', json(doc));
    expect(layer.features).toHaveLength(3);
    expect(layer.warnings).toEqual([
      'mixte.geojson : 3 entités sans géométrie ignorées.',
      'mixte.geojson : 1 entité à la géométrie vide ignorée.',
      'mixte.geojson : 2 entités aux coordonnées non numériques (vides, texte, NaN ou infini) ignorées.',
      'mixte.geojson : 1 entité aux coordonnées hors de la zone de validité de WGS 84 (longitude/latitude) (EPSG:4326) ignorée.',
      expect.stringMatching(/^mixte\.geojson : 1 entité à la géométrie mal formée/),
    ]);
  });

  it('fails with sans-geometrie when no feature is usable', async () => {
    const doc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] };
    await expect(importFile({ name: 'vide.geojson', bytes: json(doc) })).rejects.toMatchObject({
      code: 'sans-geometrie',
      message: expect.stringMatching(/^vide\.geojson : aucune entité n'a de géométrie utilisable/),
    });
  });

  it('keeps mixed types and GeometryCollections, rewinds polygons, drops Z with one warning, closes open rings', async () => {
    const doc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [2.83, 50.43, 35] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [PARK_OUTER, PARK_HOLE] } },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'GeometryCollection',
            geometries: [
              { type: 'Point', coordinates: [2.8, 50.4] },
              { type: 'Polygon', coordinates: [PARK_OUTER.slice(0, 4)] },
            ],
          },
        },
      ],
    };
    const layer = await importOne('mix.geojson', json(doc));
    expect(layer.geometryTypes).toEqual({ Point: 1, Polygon: 1, GeometryCollection: 1 });
    expect((layer.features[0].geometry as Point).coordinates).toEqual([2.83, 50.43]);
    const [outer, hole] = (layer.features[1].geometry as Polygon).coordinates;
    expect(signedArea(outer)).toBeGreaterThan(0);
    expect(signedArea(hole)).toBeLessThan(0);
    const closed = ((layer.features[2].geometry as GeometryCollection).geometries[1] as Polygon).coordinates[0];
    expect(closed).toHaveLength(5);
    expect(signedArea(closed)).toBeGreaterThan(0);
    expect(layer.warnings).toEqual(['mix.geojson : altitudes (Z) ignorées : la carte et les exports sont en deux dimensions.']);
  });

  it('keeps property values as data: HTML stays a string', async () => {
    const html = '<img src=x onerror="alert(1)"><b>Parc</b>';
    const layer = await importOne(
      'h.geojson',
      json({
        type: 'Feature',
        properties: { description: html, n: 3, ok: true, liste: [1, 2] },
        geometry: { type: 'Point', coordinates: [2.83, 50.43] },
      }),
    );
    expect(layer.features[0].properties).toEqual({ description: html, n: 3, ok: true, liste: [1, 2] });
  });

  it('lists property names in first-seen order, capped with a warning', async () => {
    const features = [
      { type: 'Feature', properties: { b: 1, a: 2 }, geometry: { type: 'Point', coordinates: [2.8, 50.4] } },
      { type: 'Feature', properties: { a: 1, c: 2, d: 3, e: 4 }, geometry: { type: 'Point', coordinates: [2.8, 50.4] } },
    ];
    const layer = await importOne('n.geojson', json({ type: 'FeatureCollection', features }), { limits: { maxPropertyNames: 3 } });
    expect(layer.propertyNames).toEqual(['b', 'a', 'c']);
    expect(layer.features[1].properties).toEqual({ a: 1, c: 2, d: 3, e: 4 });
    expect(layer.warnings).toEqual([
      'n.geojson : 5 noms de propriétés ; seuls les 3 premiers sont listés (chaque entité garde toutes ses propriétés).',
    ]);
  });
});

describe('GeoJSON: unreadable files', () => {
  it('tells an empty file, a truncated JSON and a non-GeoJSON JSON apart', async () => {
    const { layers, errors } = await importFiles([
      { name: 'vide.geojson', bytes: new Uint8Array(0) },
      { name: 'blanc.geojson', bytes: utf8('  \n ') },
      { name: 'coupe.geojson', bytes: json(sitesCollection()).subarray(0, 120) },
      { name: 'autre.json', bytes: json({ hello: 'world' }) },
      { name: 'casse.geojson', bytes: utf8('{"type": "FeatureCollection", features: []}') },
      { name: 'bon.geojson', bytes: json(sitesCollection()) },
    ]);
    expect(layers.map((l) => l.fileName)).toEqual(['bon.geojson']);
    expect(errors.map((e) => [e.fileName, e.code])).toEqual([
      ['vide.geojson', 'vide'],
      ['blanc.geojson', 'vide'],
      ['coupe.geojson', 'tronque'],
      ['autre.json', 'illisible'],
      ['casse.geojson', 'illisible'],
    ]);
    expect(errors[0].message).toBe("vide.geojson : le fichier est vide. Vérifiez qu'il a été enregistré entièrement, puis déposez-le à nouveau.");
    for (const e of errors) expect(e.message.startsWith(`${e.fileName} : `)).toBe(true);
  });

  it('reads a file by its content when its extension lies, with a warning', async () => {
    const zip = zipSync({ 'sites.geojson': json(sitesCollection()) });
    // A zip named .geojson: read as a zip (and refused: it holds no shapefile).
    await expect(importFile({ name: 'menteur.geojson', bytes: zip })).rejects.toMatchObject({ code: 'zip-sans-shp' });
    const layer = await importOne('vrai.csv', json(sitesCollection()));
    expect(layer.format).toBe('geojson');
    expect(layer.warnings[0]).toBe(
      "vrai.csv : le contenu est du JSON (GeoJSON), pas du texte tabulé (CSV) comme l'annonce l'extension ; le fichier est lu d'après son contenu.",
    );
  });

  it('refuses a binary file of unknown kind', async () => {
    await expect(importFile({ name: 'image.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) })).rejects.toMatchObject({
      code: 'format-inconnu',
      message: expect.stringMatching(/^image\.png : format non reconnu\. Formats acceptés : GeoJSON/),
    });
  });
});

describe('GeoJSON: projected geometry round trip', () => {
  it('reprojects every vertex of a Lambert-93 polygon with a hole to within 1e-6°', async () => {
    const geometry = projectGeometry('EPSG:2154', { type: 'Polygon', coordinates: [PARK_OUTER, PARK_HOLE] });
    const layer = await importOne('p.geojson', json({ type: 'Feature', properties: {}, geometry }));
    const rings = (layer.features[0].geometry as Polygon).coordinates;
    const sortKey = (r: number[][]) =>
      r
        .slice(0, -1)
        .map((p) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`)
        .sort();
    expect(sortKey(rings[0])).toEqual(sortKey(PARK_OUTER));
    expect(sortKey(rings[1])).toEqual(sortKey(PARK_HOLE));
  });
});
