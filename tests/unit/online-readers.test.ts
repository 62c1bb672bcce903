// The online readers of the blue network (WFS of the Géoplateforme, Overpass) against a local HTTP
// server that answers in their shape: paging, empty answer, HTTP error, malformed JSON.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnlineSourceError, overpassToGeoJson, readOverpass, readWfs, type OnlineQuery } from '../../scripts/geodata/online/readers';
import type { Bounds } from '../../layers/types';

const BOUNDS: Bounds = [2.7, 50.35, 2.95, 50.5];
const tronçon = (i: number) => ({
  type: 'Feature',
  id: `troncon.${i}`,
  properties: { cleabs: `TRON${i}`, nature: i === 0 ? 'Canal' : 'Ecoulement naturel', cpx_toponyme_de_cours_d_eau: i === 0 ? "Canal d'essai" : null },
  geometry: {
    type: 'LineString',
    coordinates: [
      [2.8 + i * 0.001, 50.42],
      [2.801 + i * 0.001, 50.421],
    ],
  },
});
const FIVE = [0, 1, 2, 3, 4].map(tronçon);

const requests: URL[] = [];
const posted: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url);
    const json = (status: number, body: string) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
    if (url.pathname === '/wfs') {
      const type = url.searchParams.get('TYPENAMES');
      const start = Number(url.searchParams.get('STARTINDEX'));
      const count = Number(url.searchParams.get('COUNT'));
      if (type === 'BDTOPO_V3:troncon_hydrographique')
        return json(200, JSON.stringify({ type: 'FeatureCollection', numberMatched: FIVE.length, features: FIVE.slice(start, start + count) }));
      if (type === 'BDTOPO_V3:vide') return json(200, JSON.stringify({ type: 'FeatureCollection', features: [] }));
      if (type === 'BDTOPO_V3:cassee') return json(200, '{"type":"FeatureCollection","features":[{"type":');
      if (type === 'BDTOPO_V3:exception') return json(200, JSON.stringify({ exceptions: [{ code: 'InvalidParameterValue' }] }));
      return json(503, '<html>Service indisponible</html>');
    }
    if (url.pathname === '/overpass') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        posted.push(new URLSearchParams(body).get('data') ?? '');
        json(
          200,
          JSON.stringify({
            elements: [
              {
                type: 'way',
                id: 1,
                tags: { waterway: 'canal', name: 'Canal d’essai' },
                geometry: [
                  { lat: 50.42, lon: 2.8 },
                  { lat: 50.43, lon: 2.81 },
                ],
              },
              {
                type: 'way',
                id: 2,
                tags: { natural: 'water', name: 'Étang d’essai' },
                geometry: [
                  { lat: 50.41, lon: 2.8 },
                  { lat: 50.41, lon: 2.801 },
                  { lat: 50.411, lon: 2.801 },
                  { lat: 50.41, lon: 2.8 },
                ],
              },
              { type: 'node', id: 3, lat: 50.4, lon: 2.8 },
            ],
          }),
        );
      });
      return;
    }
    json(404, '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const query = (path: string, title = 'IGN BD TOPO – tronçons hydrographiques (WFS Géoplateforme)'): OnlineQuery => ({
  title,
  url: `${base}${path}`,
  bounds: BOUNDS,
  fetchImpl: fetch,
});

describe('WFS reader (Géoplateforme shape)', () => {
  it('reads every page, asking the territory box with latitude first', async () => {
    requests.length = 0;
    const collection = await readWfs(query('/wfs'), 'BDTOPO_V3:troncon_hydrographique', 2);
    expect(collection.features.map((f) => f.properties!.cleabs)).toEqual(['TRON0', 'TRON1', 'TRON2', 'TRON3', 'TRON4']);
    expect(requests.map((u) => u.searchParams.get('STARTINDEX'))).toEqual(['0', '2', '4']);
    expect(requests[0].searchParams.get('BBOX')).toBe('50.35,2.7,50.5,2.95,urn:ogc:def:crs:EPSG::4326');
    expect(requests[0].searchParams.get('OUTPUTFORMAT')).toBe('application/json');
  });

  it.each([
    ['BDTOPO_V3:vide', "IGN BD TOPO – tronçons hydrographiques (WFS Géoplateforme) : aucune entité dans l'emprise de la CALL"],
    ['BDTOPO_V3:cassee', 'IGN BD TOPO – tronçons hydrographiques (WFS Géoplateforme) : réponse illisible à la page 1 (JSON invalide'],
    ['BDTOPO_V3:exception', 'IGN BD TOPO – tronçons hydrographiques (WFS Géoplateforme) : réponse inattendue à la page 1'],
    ['BDTOPO_V3:inconnu', 'IGN BD TOPO – tronçons hydrographiques (WFS Géoplateforme) : le service a répondu HTTP 503 à la page 1'],
  ])('%s: one French message naming the source', async (typeName, message) => {
    const error = await readWfs(query('/wfs'), typeName, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OnlineSourceError);
    expect((error as Error).message).toContain(message);
  });

  it('an unreachable service is named too', async () => {
    const error = await readWfs({ ...query('/wfs'), url: 'http://127.0.0.1:1/wfs' }, 'BDTOPO_V3:troncon_hydrographique').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^IGN BD TOPO – tronçons hydrographiques \(WFS Géoplateforme\) : service injoignable/);
  });
});

describe('Overpass reader', () => {
  it('posts the query with the box (south,west,north,east) and turns ways into lines and water polygons', async () => {
    const collection = await readOverpass(query('/overpass', 'OpenStreetMap (Overpass)'), '[out:json];way["waterway"]({{bbox}});out geom;');
    expect(posted.at(-1)).toBe('[out:json];way["waterway"](50.35,2.7,50.5,2.95);out geom;');
    expect(collection.features.map((f) => [f.properties!.name, f.geometry.type])).toEqual([
      ['Canal d’essai', 'LineString'],
      ['Étang d’essai', 'Polygon'],
    ]);
    expect(collection.features[0].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [2.8, 50.42],
        [2.81, 50.43],
      ],
    });
  });

  it('an answer without elements, or with no way, is a named failure', async () => {
    await expect(readOverpass(query('/wfs', 'OpenStreetMap (Overpass)'), '')).rejects.toThrow(
      'OpenStreetMap (Overpass) : le service a répondu HTTP 503',
    );
    expect(overpassToGeoJson([{ type: 'node', id: 1 }]).features).toEqual([]);
  });
});
