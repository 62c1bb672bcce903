// Bytes → text for the text formats: UTF-8 first (the norm for GeoJSON, KML, GPX), windows-1252
// when the bytes are not valid UTF-8 (old CSV exports from Excel), UTF-16 when a BOM says so.

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes, without BOM; pushes a French warning naming the file when it falls back to windows-1252. */
export function decodeText(bytes: Uint8Array, fileName: string, warnings: string[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    warnings.push(`${fileName} : le texte n'est pas en UTF-8 ; il est lu en windows-1252 (Europe occidentale). Vérifiez les accents.`);
    return new TextDecoder('windows-1252').decode(body);
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
