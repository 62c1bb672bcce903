// dBase (.dbf) attribute table of a shapefile. Our own reader rather than shpjs's (parsedbf):
// it tells valid UTF-8 from windows-1252 (parsedbf decodes blindly), keeps empty numbers as null
// rather than NaN, dates as "YYYY-MM-DD" strings, skips deleted records, and decodes ASCII fields
// without a TextDecoder call each (100,000 rows stay fast).

import { decoderFor } from './text';

/** A refusal of the reader, with a French reason (any other exception means a lying header). */
export class DbfError extends Error {}

export interface DbfTable {
  fieldNames: string[];
  /** One per record, in file order; null for a deleted record. */
  records: (Record<string, unknown> | null)[];
  /** Records announced by the header but missing from the bytes (truncated file). */
  missing: number;
  /** Encoding actually used (TextDecoder label). */
  encoding: string;
}

interface Field {
  name: string;
  type: string;
  offset: number;
  length: number;
}

/** .cpg text → TextDecoder label, or null when it names nothing we can decode. */
export function encodingFromCpg(cpg: string): string | null {
  const value = cpg
    .trim()
    .toUpperCase()
    .replace(/^ANSI\s*/, '');
  let label = value;
  if (/^UTF-?8$/.test(value)) label = 'utf-8';
  else if (/^(CP|WINDOWS-?)?(125\d|874)$/.test(value)) label = `windows-${value.replace(/\D/g, '')}`;
  else if (/^(ISO-?)?8859-?(\d+)$/.test(value)) label = `iso-8859-${/8859-?(\d+)$/.exec(value)?.[1]}`;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return true;
  return false;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface DbfReadResult extends DbfTable {
  warnings: string[];
}

/**
 * Reads the table. `cpg` is the .cpg text if any. Without it (or when it names UTF-8 but the bytes
 * are not), non-ASCII text is read as UTF-8 when valid, else as windows-1252 with a warning.
 */
export function readDbf(bytes: Uint8Array, cpg: string | null, fileName: string): DbfReadResult {
  const warnings: string[] = [];
  if (bytes.length < 33) throw new DbfError('en-tête .dbf incomplet');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || recordLength < 1 || headerLength > bytes.length) throw new DbfError('en-tête .dbf invalide');

  const body = bytes.subarray(headerLength);
  let encoding = cpg ? encodingFromCpg(cpg) : null;
  if (cpg && !encoding)
    warnings.push(`${fileName} : page de code « ${cpg.trim()} » du fichier .cpg inconnue ; le texte est lu en UTF-8 ou, à défaut, en windows-1252.`);
  if (hasHighBytes(body)) {
    if (!encoding || encoding === 'utf-8') {
      if (isUtf8(body)) encoding = 'utf-8';
      else {
        warnings.push(
          `${fileName} : ${cpg ? 'le fichier .cpg annonce UTF-8 mais les' : 'pas de fichier .cpg et les'} attributs ne sont pas en UTF-8 ; ils sont lus en windows-1252 (Europe occidentale). Vérifiez les accents.`,
        );
        encoding = 'windows-1252';
      }
    }
  }
  encoding ??= 'utf-8';
  const decoder = decoderFor(encoding);
  const text = (start: number, end: number): string => {
    // Trim spaces and NULs on both ends, then decode: ASCII without a decoder call.
    while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
    while (start < end && bytes[start] === 0x20) start++;
    let ascii = true;
    for (let i = start; i < end; i++)
      if (bytes[i] > 0x7f) {
        ascii = false;
        break;
      }
    if (ascii)
      return end - start < 512
        ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[])
        : decoder.decode(bytes.subarray(start, end));
    return decoder.decode(bytes.subarray(start, end));
  };

  const fields: Field[] = [];
  let fieldOffset = 1; // after the deletion flag
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    let nameEnd = at;
    while (nameEnd < at + 11 && bytes[nameEnd] !== 0) nameEnd++;
    const length = bytes[at + 16];
    fields.push({ name: text(at, nameEnd), type: String.fromCharCode(bytes[at + 11]).toUpperCase(), offset: fieldOffset, length });
    fieldOffset += length;
  }

  const available = Math.floor(body.length / recordLength);
  const readable = Math.min(count, available);
  const records: (Record<string, unknown> | null)[] = new Array(readable);
  for (let r = 0; r < readable; r++) {
    const base = headerLength + r * recordLength;
    if (bytes[base] === 0x2a) {
      records[r] = null; // '*': deleted
      continue;
    }
    const record: Record<string, unknown> = {};
    for (const field of fields) {
      const start = base + field.offset;
      record[field.name] = value(field, start, start + field.length, text, view);
    }
    records[r] = record;
  }
  return { fieldNames: fields.map((f) => f.name), records, missing: count - readable, encoding, warnings };
}

function value(field: Field, start: number, end: number, text: (s: number, e: number) => string, view: DataView): unknown {
  switch (field.type) {
    case 'N':
    case 'F': {
      const s = text(start, end);
      if (s === '' || /^\*+$/.test(s)) return null;
      const n = Number(s.replace(',', '.'));
      return Number.isFinite(n) ? n : s;
    }
    case 'L': {
      const c = text(start, end).toUpperCase();
      return c === 'T' || c === 'Y' ? true : c === 'F' || c === 'N' ? false : null;
    }
    case 'D': {
      const s = text(start, end);
      return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : s === '' ? null : s;
    }
    case 'I':
      return end - start === 4 ? view.getInt32(start, true) : null;
    case 'O':
      return end - start === 8 ? view.getFloat64(start, true) : null;
    case 'M':
      return null; // memo in a .dbt file we do not read
    default:
      return text(start, end);
  }
}
