// KML, KMZ and GPX, parsed with @xmldom/xmldom (no DOM in a worker) and @tmcw/togeojson. Both
// formats are WGS84 by definition.
//
// KML folders: when the document is a flat list of folders (two or more top-level folders, each
// holding only placemarks, none loose at the top), each folder becomes one layer named after it.
// Any other arrangement (nested folders, placemarks mixed with folders, a single folder) gives one
// layer, where each placemark inside a folder gets a `dossier` property with its folder path
// ("Parcs / Terrils"). Simple files thus split the way their author grouped them, and deep trees
// do not explode into dozens of layers.
import { xmlErrorDetail } from '../geo/xml-error';
import { gpx, kmlWithFolders, type F, type Folder, type Root } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { errors } from './errors';
import type { RawFeature, RawLayer } from './raw-layer';
import type { ImportRun } from './run';
import { baseName, decodeText } from './text';
import type { ImportFormat } from '../types';

type XmlDocument = ReturnType<DOMParser['parseFromString']>;

/**
 * Deepest element nesting read. Real KML and GPX stay under 20 levels; togeojson and our folder
 * walk recurse once per level and overflow the stack (a worker's is smaller still) near 10,000.
 */
export const MAX_XML_DEPTH = 500;

/** Whether elements nest deeper than `limit`: a linear scan of the tags, comments and CDATA skipped. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = text.indexOf('<'); i >= 0 && i < text.length; i = text.indexOf('<', i + 1)) {
    const next = text[i + 1];
    if (next === '/') depth--;
    else if (next === '!') {
      const end = text.startsWith('<![CDATA[', i) ? text.indexOf(']]>', i) : text.startsWith('<!--', i) ? text.indexOf('-->', i) : i;
      if (end < 0) return false;
      i = end;
    } else if (next !== '?') {
      const close = text.indexOf('>', i);
      if (close < 0) return false;
      if (text[close - 1] !== '/' && ++depth > limit) return true;
      i = close;
    }
  }
  return false;
}

function parseXml(text: string, fileName: string, format: ImportFormat, root: string): XmlDocument {
  if (nestsDeeperThan(text, MAX_XML_DEPTH)) throw errors.unreadable(fileName, format, `éléments imbriqués sur plus de ${MAX_XML_DEPTH} niveaux`);
  let doc: XmlDocument;
  try {
    // onError set: xmldom would otherwise log to the console; fatal errors still throw.
    doc = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    // A document that fails and does not end with its root's closing tag was cut short.
    const closed = new RegExp(`</(\\w+:)?${root}>\\s*$`, 'i').test(text);
    if (!closed || /unclosed/i.test(why)) throw errors.truncated(fileName, format);
    throw errors.unreadable(fileName, format, `XML invalide : ${xmlErrorDetail(why)}`);
  }
  const element = doc.documentElement;
  const name = element ? (element.localName ?? element.nodeName).toLowerCase() : '';
  if (name !== root) throw errors.unreadable(fileName, format, `l'élément racine est <${name || '?'}> et non <${root}>`);
  return doc;
}

/** togeojson turns CDATA/HTML descriptions into {"@type":"html", value}: keep the text as a string (never rendered as HTML). */
function flattenProperties(properties: Record<string, unknown>): Record<string, unknown> {
  for (const key in properties) {
    const v = properties[key];
    if (v && typeof v === 'object' && !Array.isArray(v) && '@type' in v) {
      const text = (v as { value?: unknown }).value;
      if (typeof text === 'string') properties[key] = text;
    }
  }
  return properties;
}

function toRaw(f: F): RawFeature {
  const feature: RawFeature = {
    type: 'Feature',
    properties: flattenProperties((f.properties ?? {}) as Record<string, unknown>),
    geometry: f.geometry ?? null,
  };
  if (typeof f.id === 'string' || typeof f.id === 'number') feature.id = f.id;
  return feature;
}

const isFolder = (node: Folder | F): node is Folder => node.type === 'folder';
const folderName = (folder: Folder, index: number) => (typeof folder.meta.name === 'string' && folder.meta.name.trim()) || `Dossier ${index + 1}`;

/** Every placemark of the tree, with its folder path in `dossier` when it has one. */
function flatten(nodes: (Folder | F)[], path: string[], out: RawFeature[]): void {
  nodes.forEach((node, index) => {
    if (isFolder(node)) flatten(node.children, [...path, folderName(node, index)], out);
    else {
      const feature = toRaw(node);
      if (path.length > 0) feature.properties[feature.properties.dossier === undefined ? 'dossier' : 'dossier_kml'] = path.join(' / ');
      out.push(feature);
    }
  });
}

function kmlLayers(tree: Root, fileName: string, format: 'kml' | 'kmz', warnings: string[]): RawLayer[] {
  const top = tree.children;
  const folders = top.filter(isFolder);
  const flat = folders.length >= 2 && folders.length === top.length && folders.every((f) => f.children.every((c) => !isFolder(c)));
  if (flat) {
    return folders.map((folder, index) => ({
      name: folderName(folder, index),
      format,
      features: folder.children.map((c) => toRaw(c as F)),
      formatWgs84: true,
      warnings: [...warnings],
    }));
  }
  const features: RawFeature[] = [];
  flatten(top, [], features);
  return [{ name: baseName(fileName), format, features, formatWgs84: true, warnings }];
}

/** KML text (from a .kml, or the doc.kml of a KMZ) → one or more layers. */
export async function parseKmlText(text: string, fileName: string, format: 'kml' | 'kmz', run: ImportRun, warnings: string[]): Promise<RawLayer[]> {
  await run.step('analyse', 0);
  const doc = parseXml(text, fileName, format, 'kml');
  await run.step('analyse', 0.5);
  return kmlLayers(kmlWithFolders(doc), fileName, format, warnings);
}

export async function parseKml(bytes: Uint8Array, fileName: string, run: ImportRun): Promise<RawLayer[]> {
  const warnings: string[] = [];
  return parseKmlText(decodeText(bytes, fileName, warnings), fileName, 'kml', run, warnings);
}

const GPX_TYPES: Record<string, string> = { trk: 'trace', rte: 'itinéraire' };

/** Tracks, routes and waypoints in one layer; `type_gpx` says which each feature was. */
export async function parseGpx(bytes: Uint8Array, fileName: string, run: ImportRun): Promise<RawLayer> {
  const warnings: string[] = [];
  const text = decodeText(bytes, fileName, warnings);
  await run.step('analyse', 0);
  const doc = parseXml(text, fileName, 'gpx', 'gpx');
  await run.step('analyse', 0.5);
  const features = gpx(doc).features.map((f) => {
    const raw = toRaw(f);
    const kind = raw.properties._gpxType;
    delete raw.properties._gpxType;
    raw.properties.type_gpx = (typeof kind === 'string' && GPX_TYPES[kind]) || 'point';
    // togeojson adds per-vertex data (times, heart rate) here, or an empty object.
    const perVertex = raw.properties.coordinateProperties;
    if (perVertex && typeof perVertex === 'object' && Object.keys(perVertex).length === 0) delete raw.properties.coordinateProperties;
    return raw;
  });
  return { name: baseName(fileName), format: 'gpx', features, formatWgs84: true, warnings };
}
