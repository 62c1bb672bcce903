// Adds text (iTXt, UTF-8) and resolution (pHYs) chunks to a PNG, after its header: the credits and
// the legend travel inside the file too, and a paper export prints at its size. Pure bytes.
const SIGNATURE_AND_IHDR = 8 + 25;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC-32. Shared by the app's exports, the icon generator and the tests. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** iTXt: Latin-1 keyword, uncompressed UTF-8 text with its language. */
export function textChunk(keyword: string, text: string, language = 'fr'): Uint8Array {
  const parts = [
    utf8(keyword.replace(/[^\x20-\x7e]/g, '').slice(0, 79)),
    new Uint8Array([0, 0, 0]),
    utf8(language),
    new Uint8Array([0, 0]),
    utf8(text),
  ];
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    data.set(p, offset);
    offset += p.length;
  }
  return pngChunk('iTXt', data);
}

/** pHYs in pixels per metre. */
export function resolutionChunk(dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  data[8] = 1;
  return pngChunk('pHYs', data);
}

export function withChunks(png: Uint8Array, chunks: Uint8Array[]): Uint8Array {
  const isPng =
    png.length > SIGNATURE_AND_IHDR &&
    png[1] === 0x50 &&
    png[2] === 0x4e &&
    png[3] === 0x47 &&
    String.fromCharCode(...png.subarray(12, 16)) === 'IHDR';
  if (!isPng) throw new Error('not a PNG');
  const extra = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + extra);
  out.set(png.subarray(0, SIGNATURE_AND_IHDR), 0);
  let offset = SIGNATURE_AND_IHDR;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  out.set(png.subarray(SIGNATURE_AND_IHDR), offset);
  return out;
}

/** Text chunks of a PNG (keyword → text), for tests and checks. */
export function readTextChunks(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  const decoder = new TextDecoder();
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (type === 'iTXt') {
      const data = png.subarray(offset + 8, offset + 8 + length);
      const end = data.indexOf(0);
      const keyword = decoder.decode(data.subarray(0, end));
      let p = end + 3;
      p = data.indexOf(0, p) + 1; // language tag
      p = data.indexOf(0, p) + 1; // translated keyword
      out[keyword] = decoder.decode(data.subarray(p));
    }
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  return out;
}
