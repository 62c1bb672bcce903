// dBase III table (.dbf) written byte by byte, because the popular JS writer (@mapbox/shp-write)
// encodes text as if every character were one byte and so corrupts « œ », « ’ » and « € ». Text
// here is UTF-8 and the archive carries a .cpg saying so, which GDAL, QGIS and ArcGIS honour.
// Field names are the dBase limit of 10 ASCII characters, made unique; the caller lists the mapping.
import type { GeoFeature } from '../../../../layers/types';

export interface DbfField {
  /** Property name in the workspace. */
  property: string;
  /** Name in the .dbf: ≤ 10 ASCII characters, unique without regard to case. */
  name: string;
  type: 'C' | 'N' | 'L';
  /** Width in bytes. */
  length: number;
  decimals: number;
}

/** dBase limits: a text field holds at most 254 bytes; GDAL reads numbers up to 24 wide as reals (larger ones go as text). */
const MAX_TEXT_BYTES = 254;
const MAX_NUMBER_WIDTH = 24;
const MAX_DECIMALS = 15;
const MAX_FIELDS = 255;
const MAX_NAME = 10;

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L' };

const utf8 = new TextEncoder();

/** "Intitulé du site" → "Intitule_d"; never empty. */
function asciiBase(property: string): string {
  const ascii = property
    .replace(/[œŒæÆßøØłŁ]/g, (c) => LIGATURES[c])
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return ascii || 'champ';
}

/** Unique dBase names for the properties, in order: the first keeps the plain cut, later ones get "_2", "_3"… */
export function dbfFieldNames(properties: string[]): string[] {
  const taken = new Set<string>();
  return properties.map((property) => {
    const base = asciiBase(property);
    let name = base.slice(0, MAX_NAME);
    for (let n = 2; taken.has(name.toUpperCase()); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, MAX_NAME - suffix.length) + suffix;
    }
    taken.add(name.toUpperCase());
    return name;
  });
}

/** Digits after the point in the shortest decimal writing of `v` ("0.1" → 1); exponent forms count their exponent. */
function fractionDigits(v: number): number {
  const text = String(v);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return MAX_DECIMALS;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The text a value takes in a character field. */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value) ?? null;
}

/** The longest prefix of `bytes` that ends on a character boundary and fits `max` bytes. */
function cutUtf8(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** One field per property, typed from the values (numbers that all fit → N, booleans → L, else C). */
export function inferDbfFields(features: GeoFeature[]): DbfField[] {
  const properties: string[] = [];
  const seen = new Set<string>();
  for (const f of features)
    for (const key of Object.keys(f.properties ?? {}))
      if (!seen.has(key)) {
        seen.add(key);
        properties.push(key);
      }
  if (properties.length > MAX_FIELDS)
    throw new Error(
      `export Shapefile impossible : ${properties.length} attributs, le format en accepte au plus ${MAX_FIELDS} (exportez en GeoPackage ou en GeoJSON)`,
    );
  const names = dbfFieldNames(properties);
  return properties.map((property, i) => {
    let numbers = 0,
      booleans = 0,
      others = 0,
      textBytes = 1,
      intDigits = 1,
      decimals = 0;
    for (const f of features) {
      const v = f.properties?.[property];
      if (v === null || v === undefined) continue;
      if (typeof v === 'number' && Math.abs(v) < 1e15) {
        if (!Number.isFinite(v)) continue;
        numbers++;
        intDigits = Math.max(intDigits, String(Math.trunc(Math.abs(v))).length + (v < 0 ? 1 : 0));
        decimals = Math.max(decimals, Math.min(MAX_DECIMALS, fractionDigits(v)));
      } else if (typeof v === 'boolean') booleans++;
      else others++;
      const text = textOf(v);
      if (text !== null) textBytes = Math.max(textBytes, Math.min(MAX_TEXT_BYTES, utf8.encode(text).length));
    }
    const name = names[i];
    if (numbers > 0 && booleans === 0 && others === 0) {
      const width = intDigits + (decimals > 0 ? decimals + 1 : 0);
      if (width <= MAX_NUMBER_WIDTH) return { property, name, type: 'N', length: Math.max(width, decimals > 0 ? 3 : 1), decimals };
    }
    if (booleans > 0 && numbers === 0 && others === 0) return { property, name, type: 'L', length: 1, decimals: 0 };
    return { property, name, type: 'C', length: textBytes, decimals: 0 };
  });
}

export interface DbfTable {
  bytes: Uint8Array;
  /** Text values longer than 254 bytes, cut (the notice says how many). */
  truncated: number;
}

/** The .dbf of `features` (one record each, in order). `date` is the header's last-update date. */
export function writeDbf(features: GeoFeature[], fields: DbfField[], date: Date): DbfTable {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  if (recordLength > 65535) throw new Error('export Shapefile impossible : les attributs dépassent 65 535 octets par objet (exportez en GeoPackage)');
  const bytes = new Uint8Array(headerLength + recordLength * features.length + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes[1] = date.getUTCFullYear() - 1900;
  bytes[2] = date.getUTCMonth() + 1;
  bytes[3] = date.getUTCDate();
  view.setUint32(4, features.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  // Byte 29 (language driver) stays 0: the code page is the .cpg's "UTF-8".
  fields.forEach((field, i) => {
    const at = 32 + 32 * i;
    for (let c = 0; c < field.name.length; c++) bytes[at + c] = field.name.charCodeAt(c);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
    bytes[at + 17] = field.decimals;
  });
  bytes[headerLength - 1] = 0x0d;
  bytes.fill(0x20, headerLength, bytes.length - 1);
  let truncated = 0;
  let at = headerLength;
  for (const feature of features) {
    let p = at + 1; // after the deletion flag (a space: the record is live)
    for (const field of fields) {
      const v = feature.properties?.[field.property];
      if (field.type === 'L') {
        bytes[p] = v === true ? 0x54 : v === false ? 0x46 : 0x3f; // T, F, ? (unknown)
      } else if (field.type === 'N') {
        if (typeof v === 'number' && Number.isFinite(v)) {
          const text = v.toFixed(field.decimals);
          for (let c = 0; c < text.length; c++) bytes[p + field.length - text.length + c] = text.charCodeAt(c); // right-aligned
        }
      } else {
        const text = textOf(v);
        if (text !== null) {
          const encoded = utf8.encode(text);
          const cut = cutUtf8(encoded, field.length);
          if (cut.length < encoded.length) truncated++;
          bytes.set(cut, p);
        }
      }
      p += field.length;
    }
    at += recordLength;
  }
  bytes[bytes.length - 1] = 0x1a;
  return { bytes, truncated };
}
