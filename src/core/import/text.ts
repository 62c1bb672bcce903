// Bytes → text for the text formats: UTF-8 first (the norm for GeoJSON, KML, GPX), windows-1252
// when the bytes are not valid UTF-8 (old CSV exports from Excel), UTF-16 when a BOM says so.

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** windows-1252's characters at 0x80–0x9F (the five bytes it leaves undefined stay C1 controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * A windows-1252 decoder that is right everywhere: Node (up to 22 at least, so `npm run inspect`)
 * decodes the label as ISO-8859-1 and turns €, œ, ’… into invisible C1 controls. Browsers are
 * right already, and then the mapping finds nothing to change.
 */
const latin1 = new TextDecoder('windows-1252');
export const windows1252 = {
  encoding: 'windows-1252',
  decode(bytes: Uint8Array): string {
    return latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  },
};

/** A decoder for a TextDecoder label, with windows-1252 mapped right (see above). */
export const decoderFor = (label: string): { decode(bytes: Uint8Array): string } =>
  // ignoreBOM: each .dbf field is decoded alone, and a value that starts with U+FEFF must keep it.
  label === 'windows-1252' ? windows1252 : new TextDecoder(label, { ignoreBOM: true });

/** Decodes, without BOM; pushes a French warning naming the file when it falls back to windows-1252. */
export function decodeText(bytes: Uint8Array, fileName: string, warnings: string[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    warnings.push(`${fileName} : le texte n'est pas en UTF-8 ; il est lu en windows-1252 (Europe occidentale). Vérifiez les accents.`);
    return windows1252.decode(body);
  }
}

/** File name without folder and without its last extension: "data/Routes.shp" → "Routes". */
export function baseName(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** Lower-case last extension without the dot: "a.GeoJSON" → "geojson", "" when none. */
export function extensionOf(name: string): string {
  const file = name.split(/[\\/]/).pop() ?? name;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(dot + 1).toLowerCase() : '';
}
