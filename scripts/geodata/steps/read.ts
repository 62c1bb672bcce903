// Read step: bytes of one source → GeoJSON features or table rows. One reader per format; each
// throws an Error with a French message naming the source when the bytes cannot be read.
import { xmlErrorDetail } from '../../../src/core/geo/xml-error';
import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';
import type { GeoFeature } from '../../../layers/types';

export interface ReadResult {
  features: GeoFeature[];
  rows: Record<string, string>[];
  /** Declared CRS of a GeoJSON file (its `crs` member), if any. */
  declaredCrs: string | null;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array, sourceId: string): string {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new Error(`source « ${sourceId} » : le fichier n'est pas un texte UTF-8 valide`);
  }
}

export function readGeoJSON(bytes: Uint8Array, sourceId: string): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text(bytes, sourceId));
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('source')) throw error;
    throw new Error(`source « ${sourceId} » : JSON illisible (${(error as Error).message})`, { cause: error });
  }
  const obj = doc as { type?: string; features?: unknown; crs?: { properties?: { name?: string } } } | null;
  let features: unknown[];
  if (obj && obj.type === 'FeatureCollection' && Array.isArray(obj.features)) features = obj.features as unknown[];
  else if (obj && obj.type === 'Feature') features = [obj];
  else throw new Error(`source « ${sourceId} » : ce n'est pas une FeatureCollection GeoJSON`);
  return {
    features: features.map((f, i) => toFeature(f, i)),
    rows: [],
    declaredCrs: obj?.crs?.properties?.name ?? null,
  };
}

function toFeature(value: unknown, index: number): GeoFeature {
  const f = (value ?? {}) as { type?: string; id?: unknown; geometry?: unknown; properties?: unknown };
  const properties =
    f.properties && typeof f.properties === 'object' && !Array.isArray(f.properties) ? { ...(f.properties as Record<string, unknown>) } : {};
  if (f.id !== undefined && properties.id === undefined) properties.id = f.id;
  return { type: 'Feature', properties, geometry: (f.geometry ?? null) as GeoFeature['geometry'], id: index } as GeoFeature;
}

export function readGPX(bytes: Uint8Array, sourceId: string): ReadResult {
  const xml = text(bytes, sourceId);
  const errors: string[] = [];
  let dom: ReturnType<DOMParser['parseFromString']> | null = null;
  try {
    // Warnings are not errors: xmldom warns about a U+FFFD in a name, which is valid XML text.
    dom = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(String(message)) }).parseFromString(xml, 'text/xml');
  } catch (error) {
    // xmldom throws (ParseError) on fatal errors, e.g. a file that is not XML at all.
    errors.push((error as Error).message);
  }
  if (errors.length > 0 || !dom?.documentElement || dom.documentElement.nodeName !== 'gpx') {
    throw new Error(`source « ${sourceId} » : GPX illisible${errors.length ? ` (${xmlErrorDetail(errors[0])})` : ''}`);
  }
  // togeojson merges a track's segments into one MultiLineString: we keep one LineString per
  // <trkseg> so the pipeline can report and clip each segment on its own.
  const collection = gpx(dom as unknown as Document);
  const features: GeoFeature[] = [];
  for (const track of collection.features) {
    const g = track.geometry;
    const lines = g?.type === 'MultiLineString' ? g.coordinates : g?.type === 'LineString' ? [g.coordinates] : [];
    lines.forEach((coordinates, segment) => {
      features.push({
        type: 'Feature',
        id: features.length,
        properties: { ...(track.properties ?? {}), gpx_segment: segment },
        geometry: { type: 'LineString', coordinates: coordinates.map((p) => [p[0], p[1]]) },
      });
    });
  }
  return { features, rows: [], declaredCrs: null };
}

export function readCSV(bytes: Uint8Array, sourceId: string): ReadResult {
  const parsed = Papa.parse<Record<string, string>>(text(bytes, sourceId), {
    header: true,
    skipEmptyLines: true,
    delimitersToGuess: [',', ';', '\t'],
  });
  const fatal = parsed.errors.find((e) => e.type !== 'FieldMismatch' || parsed.data.length === 0);
  if (fatal) throw new Error(`source « ${sourceId} » : CSV illisible, ligne ${fatal.row ?? '?'} (${fatal.message})`);
  return { features: [], rows: parsed.data, declaredCrs: null };
}

export function readSource(format: string, bytes: Uint8Array, sourceId: string): ReadResult {
  switch (format) {
    case 'geojson':
      return readGeoJSON(bytes, sourceId);
    case 'gpx':
      return readGPX(bytes, sourceId);
    case 'csv':
      return readCSV(bytes, sourceId);
    default:
      throw new Error(`source « ${sourceId} » : format « ${format} » non pris en charge`);
  }
}
