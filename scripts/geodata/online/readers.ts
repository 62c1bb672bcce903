// Online readers for sources served by a query rather than a file: an OGC WFS 2.0 (the IGN
// Géoplateforme, paged with STARTINDEX/COUNT) and the Overpass API (OpenStreetMap). Both return one
// GeoJSON FeatureCollection in WGS84 for the territory's box, or fail with one French sentence
// naming the source; the caller (acquire) treats that like any unavailable optional source.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Bounds } from '../../../layers/types';

export class OnlineSourceError extends Error {}

export interface OnlineQuery {
  /** The source's title, as the message names it. */
  title: string;
  url: string;
  bounds: Bounds;
  fetchImpl: typeof fetch;
  log?: (line: string) => void;
}

/** Page size of the WFS requests; the Géoplateforme serves up to 5,000 features a request. */
export const WFS_PAGE = 1000;
/** A safety stop: the territory holds a few thousand tronçons at most. */
const WFS_MAX_PAGES = 50;

async function answer(q: OnlineQuery, url: string, where: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await q.fetchImpl(url, { signal: AbortSignal.timeout(120_000), ...init });
  } catch (error) {
    throw new OnlineSourceError(`${q.title} : service injoignable${where} (${(error as Error).message})`);
  }
  if (!response.ok) throw new OnlineSourceError(`${q.title} : le service a répondu HTTP ${response.status}${where}`);
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new OnlineSourceError(`${q.title} : réponse illisible${where} (JSON invalide : « ${text.slice(0, 60).replace(/\s+/g, ' ')} »)`);
  }
}

function isCollection(value: unknown): value is FeatureCollection {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((value as FeatureCollection).features)
  );
}

/** Every feature of one WFS type name in the box, page after page. */
export async function readWfs(q: OnlineQuery, typeName: string, pageSize = WFS_PAGE): Promise<FeatureCollection> {
  const [w, s, e, n] = q.bounds;
  const features: Feature[] = [];
  for (let page = 0; page < WFS_MAX_PAGES; page++) {
    const params = new URLSearchParams({
      SERVICE: 'WFS',
      VERSION: '2.0.0',
      REQUEST: 'GetFeature',
      TYPENAMES: typeName,
      OUTPUTFORMAT: 'application/json',
      SRSNAME: 'EPSG:4326',
      // WFS 2.0 with a URN CRS: latitude first.
      BBOX: `${s},${w},${n},${e},urn:ogc:def:crs:EPSG::4326`,
      COUNT: String(pageSize),
      STARTINDEX: String(page * pageSize),
    });
    const url = `${q.url}${q.url.includes('?') ? '&' : '?'}${params}`;
    q.log?.(`  ${q.title} : page ${page + 1}`);
    const body = await answer(q, url, ` à la page ${page + 1}`);
    if (!isCollection(body)) throw new OnlineSourceError(`${q.title} : réponse inattendue à la page ${page + 1} (pas une collection GeoJSON)`);
    features.push(...body.features);
    const matched = (body as { numberMatched?: unknown }).numberMatched;
    if (body.features.length < pageSize || (typeof matched === 'number' && features.length >= matched)) break;
  }
  if (features.length === 0) throw new OnlineSourceError(`${q.title} : aucune entité dans l'emprise de la CALL`);
  return { type: 'FeatureCollection', features };
}

interface OverpassElement {
  type: 'node' | 'way' | 'relation';
  id: number;
  tags?: Record<string, string>;
  geometry?: { lat: number; lon: number }[];
}

/** Ways of an Overpass `out geom` answer as GeoJSON: waterways as lines, closed water ways as polygons. */
export function overpassToGeoJson(elements: OverpassElement[]): FeatureCollection {
  const features: Feature[] = [];
  for (const el of elements) {
    if (el.type !== 'way' || !el.geometry || el.geometry.length < 2) continue;
    const coords: Position[] = el.geometry.map((p) => [p.lon, p.lat]);
    const tags = el.tags ?? {};
    const closed = coords.length >= 4 && coords[0][0] === coords[coords.length - 1][0] && coords[0][1] === coords[coords.length - 1][1];
    const area = !tags.waterway && closed;
    const geometry: Geometry = area ? { type: 'Polygon', coordinates: [coords] } : { type: 'LineString', coordinates: coords };
    features.push({ type: 'Feature', id: `way/${el.id}`, properties: { ...tags, osm_id: `way/${el.id}` }, geometry });
  }
  return { type: 'FeatureCollection', features };
}

/** One Overpass query; `{{bbox}}` in it becomes the territory's box (south,west,north,east). */
export async function readOverpass(q: OnlineQuery, query: string): Promise<FeatureCollection> {
  const [w, s, e, n] = q.bounds;
  const text = query.replaceAll('{{bbox}}', `${s},${w},${n},${e}`);
  const body = await answer(q, q.url, '', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ data: text }).toString(),
  });
  const elements = (body as { elements?: unknown }).elements;
  if (!Array.isArray(elements)) throw new OnlineSourceError(`${q.title} : réponse inattendue (pas de liste « elements » Overpass)`);
  const collection = overpassToGeoJson(elements as OverpassElement[]);
  if (collection.features.length === 0) throw new OnlineSourceError(`${q.title} : aucune entité dans l'emprise de la CALL`);
  return collection;
}
