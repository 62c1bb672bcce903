// A tiny static file server with HTTP Range support that counts the bytes it actually sends, so the
// bounding-box bench can say how much of a file a reader fetched. Only what the benches need:
// GET/HEAD, one byte range per request, no compression (as the app's .fgb must be served).
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

// The start bench serves a bare MapLibre page from here too.
const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export interface CountingServer {
  /** Base URL ending with a slash. */
  url: string;
  /** Body bytes sent and requests served since the last reset. */
  stats(): { bytesSent: number; requests: number; ranges: string[] };
  reset(): void;
  close(): Promise<void>;
}

export async function serveDir(root: string): Promise<CountingServer> {
  let bytesSent = 0;
  let requests = 0;
  let ranges: string[] = [];
  const server: Server = createServer((req, res) => {
    requests++;
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path);
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    if (range) {
      if (range[1] === '') start = Math.max(0, size - Number(range[2]));
      else {
        start = Number(range[1]);
        if (range[2] !== '') end = Math.min(size - 1, Number(range[2]));
      }
      if (start > end || start >= size) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      ranges.push(`${start}-${end}`);
      res.writeHead(206, {
        'Content-Type': type,
        'Content-Length': end - start + 1,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Accept-Ranges': 'bytes',
      });
    } else {
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes' });
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file, { start, end });
    stream.on('data', (chunk) => (bytesSent += chunk.length));
    stream.pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stats: () => ({ bytesSent, requests, ranges: [...ranges] }),
    reset() {
      bytesSent = 0;
      requests = 0;
      ranges = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
