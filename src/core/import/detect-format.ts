// What a file is, from its content first (magic bytes, first characters) and its name second: a
// file whose extension lies is read by its content, with a warning.
import type { ImportInput } from '../types';
import { extensionOf } from './text';

/** 'zip' is decided later (shapefile or KMZ) from the archive's entries; 'shp' is a loose .shp. */
export type ContentKind = 'zip' | 'flatgeobuf' | 'kml' | 'gpx' | 'geojson' | 'csv' | 'shp';

export const KIND_LABELS: Record<ContentKind, string> = {
  zip: 'une archive ZIP',
  flatgeobuf: 'du FlatGeobuf',
  kml: 'du KML',
  gpx: 'du GPX',
  geojson: 'du JSON (GeoJSON)',
  csv: 'du texte tabulé (CSV)',
  shp: 'un fichier .shp',
};

const BY_EXTENSION: Record<string, ContentKind> = {
  zip: 'zip',
  kmz: 'zip',
  fgb: 'flatgeobuf',
  kml: 'kml',
  gpx: 'gpx',
  geojson: 'geojson',
  json: 'geojson',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  shp: 'shp',
};

/** Parts of a shapefile other than .shp, grouped with it by base name. */
export const SHAPEFILE_SIDECARS = new Set(['dbf', 'shx', 'prj', 'cpg', 'sbn', 'sbx', 'qix', 'qmd', 'fix']);

export const kindFromName = (name: string): ContentKind | null => BY_EXTENSION[extensionOf(name)] ?? null;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Kind from the bytes alone, or null when they say nothing clear. */
export function sniffContent(bytes: Uint8Array): ContentKind | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x66, 0x67, 0x62, 0x03])) return 'flatgeobuf';
  if (startsWith(bytes, [0x00, 0x00, 0x27, 0x0a])) return 'shp';
  const head = bytes.subarray(0, 4096);
  let text: string;
  const offset = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head.subarray(2));
  else if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be').decode(head.subarray(2));
  else {
    // A NUL byte in the first kilobytes: binary, none of our text formats.
    for (let i = offset; i < head.length; i++) if (head[i] === 0) return null;
    text = new TextDecoder('latin1').decode(head.subarray(offset));
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return 'geojson';
  if (trimmed.startsWith('<')) {
    if (/<(\w+:)?kml[\s>]/i.test(text)) return 'kml';
    if (/<(\w+:)?gpx[\s>]/i.test(text)) return 'gpx';
    return null;
  }
  const firstLine = trimmed.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  return /[;,\t|]/.test(firstLine) ? 'csv' : null;
}

export interface FormatDetection {
  kind: ContentKind;
  /** Set when the extension announces another format than the content. */
  warning: string | null;
}

/** Content wins over the name; the name decides when the content is silent (a one-column CSV). */
export function detectFormat(input: ImportInput): FormatDetection | null {
  const byName = kindFromName(input.name);
  const byContent = sniffContent(input.bytes);
  if (byContent === null) return byName === 'csv' ? { kind: 'csv', warning: null } : null;
  if (byName !== null && byName !== byContent) {
    return {
      kind: byContent,
      warning: `${input.name} : le contenu est ${KIND_LABELS[byContent]}, pas ${KIND_LABELS[byName]} comme l'annonce l'extension ; le fichier est lu d'après son contenu.`,
    };
  }
  return { kind: byContent, warning: null };
}
