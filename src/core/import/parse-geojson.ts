// GeoJSON: FeatureCollection, Feature, bare geometry (or a bare array of features). A `crs`
// member (GeoJSON 2008, still written by QGIS and ogr2ogr) declares the system.
import { crsCodeFromName } from '../geo/crs';
import { errors } from './errors';
import type { DeclaredCrs, RawFeature, RawLayer } from './raw-layer';
import type { ImportRun } from './run';
import { baseName, decodeText } from './text';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether JSON text stops inside a string or an unclosed object/array: a cut-off file, whatever
 * the engine's error message says. Only run after JSON.parse failed.
 */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

function declaredCrs(doc: Json): DeclaredCrs | undefined {
  const crs = doc.crs;
  if (!isObject(crs) || !isObject(crs.properties)) return undefined;
  const props = crs.properties;
  // GeoJSON 2008: {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}}; older {"type":"EPSG","properties":{"code":2154}}.
  const name = typeof props.name === 'string' ? props.name : props.code !== undefined ? `EPSG:${String(props.code)}` : null;
  if (!name) return undefined;
  return { code: crsCodeFromName(name), source: 'membre-crs', declared: name, where: 'membre « crs » du GeoJSON' };
}

function toRawFeature(value: unknown): RawFeature {
  if (!isObject(value)) return { type: 'Feature', properties: {}, geometry: null };
  const properties = isObject(value.properties) ? value.properties : {};
  const feature: RawFeature = { type: 'Feature', properties, geometry: (value.geometry ?? null) as RawFeature['geometry'] };
  if (typeof value.id === 'string' || typeof value.id === 'number') feature.id = value.id;
  return feature;
}

export async function parseGeoJson(bytes: Uint8Array, fileName: string, run: ImportRun): Promise<RawLayer> {
  const warnings: string[] = [];
  const text = decodeText(bytes, fileName, warnings);
  await run.step('analyse', 0);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (looksTruncated(text)) throw errors.truncated(fileName, 'geojson');
    throw errors.unreadable(fileName, 'geojson', `JSON invalide : ${why}`);
  }
  await run.step('analyse', 0.5);

  let items: unknown[];
  let declared: DeclaredCrs | undefined;
  if (Array.isArray(doc)) items = doc;
  else if (!isObject(doc)) throw errors.unreadable(fileName, 'geojson', "ce n'est pas un objet GeoJSON");
  else {
    declared = declaredCrs(doc);
    if (doc.type === 'FeatureCollection') {
      if (!Array.isArray(doc.features)) throw errors.unreadable(fileName, 'geojson', "la FeatureCollection n'a pas de tableau « features »");
      items = doc.features;
    } else if (doc.type === 'Feature') items = [doc];
    else if (typeof doc.type === 'string' && GEOMETRY_TYPES.has(doc.type)) items = [{ type: 'Feature', properties: {}, geometry: doc }];
    else if (doc.type === 'Topology')
      throw errors.unknownFormat(fileName, "TopoJSON n'est pas pris en charge ; convertissez-le en GeoJSON (par exemple avec mapshaper)");
    else throw errors.unreadable(fileName, 'geojson', "ce n'est ni une FeatureCollection, ni une Feature, ni une géométrie GeoJSON");
  }

  const features: RawFeature[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    await run.chunk('analyse', i, items.length);
    features[i] = toRawFeature(items[i]);
  }
  return {
    name: baseName(fileName),
    format: 'geojson',
    features,
    declared,
    wgs84Fallback: 'GeoJSON sans système déclaré : WGS 84 par défaut (RFC 7946)',
    warnings,
  };
}
