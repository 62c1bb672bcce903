// A 206 answer cut from a whole cached response, for the service worker without network. Written
// here rather than taken from workbox-range-requests, which refuses an end beyond the file (416)
// where HTTP clamps it (RFC 9110 §14.1.2) — FlatGeobuf readers ask for more than small files hold —
// and answers 206 for a start beyond the file.

/** Byte range [start, end) of a single `bytes=` range against a size, or null when it cannot be satisfied. */
export function parseRange(header: string, size: number): { start: number; end: number } | 'invalide' | null {
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalide';
  if (m[1] === '') {
    // Suffix: the last n bytes (all of them when n is larger than the file).
    const n = Number(m[2]);
    if (n === 0) return null;
    return { start: Math.max(0, size - n), end: size };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size : Math.min(size, Number(m[2]) + 1);
  if (start >= size || end <= start) return null;
  return { start, end };
}

export async function partialResponse(request: Request, whole: Response): Promise<Response> {
  const header = request.headers.get('range');
  if (!header || whole.status === 206) return whole;
  const blob = await whole.blob();
  const range = parseRange(header, blob.size);
  // A header we do not understand (several ranges…): the whole file, as servers do.
  if (range === 'invalide') return new Response(blob, { status: 200, headers: whole.headers });
  if (range === null)
    return new Response(null, { status: 416, statusText: 'Range Not Satisfiable', headers: { 'Content-Range': `bytes */${blob.size}` } });
  const headers = new Headers(whole.headers);
  headers.set('Content-Range', `bytes ${range.start}-${range.end - 1}/${blob.size}`);
  headers.set('Content-Length', String(range.end - range.start));
  return new Response(blob.slice(range.start, range.end), { status: 206, statusText: 'Partial Content', headers });
}
