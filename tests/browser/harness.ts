// Browser-test harness: serves the *built* app with `vite preview` (exact child process, killed at
// the end), drives Chromium through playwright-core, and records console errors and every request.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
// ATLAS_DIST serves another build (benchmarks build apart so a parallel `vite build` cannot empty their site).
export const DIST = process.env.ATLAS_DIST ? resolve(process.env.ATLAS_DIST) : join(ROOT, 'dist');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  requests: string[];
  /** Quits Chromium and starts it again on the same profile (storage kept): `context` and `page` are replaced. */
  restartBrowser: () => Promise<void>;
  /** Stops the web server (the browser stays): nothing answers any more, as in a room without network. */
  stopServer: () => Promise<void>;
  close: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** `touch`: a phone-like context (touch events, mobile viewport meta honoured). */
export interface HarnessOptions {
  viewport?: { width: number; height: number };
  touch?: boolean;
  /**
   * The app's service worker (offline cache) is blocked unless a test is about it: test routes
   * (context.route) do not see what a service worker answers from its cache.
   */
  serviceWorkers?: 'allow' | 'block';
  /**
   * Benchmarks only: keep the GPU process compositing frames (SwiftShader still draws). With
   * --disable-gpu the page's main thread reads every WebGL frame back for software compositing,
   * a cost no user with a graphics card pays.
   */
  gpuCompositing?: boolean;
  /** Ignores the server's Content-Security-Policy: a test proving the app safe without the CSP's help. */
  bypassCSP?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  for (const file of ['index.html', 'data/catalog.json']) {
    if (!existsSync(join(DIST, file))) throw new Error(`dist/${file} is missing: run \`npm run data && npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const port = await freePort();
  let log = '';
  const preview = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', DIST, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  preview.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  preview.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const profile = mkdtempSync(join(tmpdir(), 'atlas-chromium-'));
  let context: BrowserContext | undefined;
  try {
    await waitForServer(`${baseUrl}/`, preview, () => log);
    context = await launch(profile, options);
  } catch (error) {
    await stopProcess(preview);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const listen = (c: BrowserContext) => {
    c.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    c.on('weberror', (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
    c.on('request', (request) => requests.push(request.url()));
  };
  listen(context);
  const page = context.pages()[0] ?? (await context.newPage());
  const h: Harness = {
    baseUrl,
    context,
    page,
    consoleErrors,
    requests,
    restartBrowser: async () => {
      await h.context.close();
      h.context = await launch(profile, options);
      listen(h.context);
      h.page = h.context.pages()[0] ?? (await h.context.newPage());
    },
    stopServer: () => stopProcess(preview),
    close: async () => {
      await h.context.close().catch(() => undefined);
      await stopProcess(preview);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return h;
}

function launch(profile: string, { viewport, touch, serviceWorkers, gpuCompositing, bypassCSP }: HarnessOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: gpuCompositing ? ARGS.filter((a) => a !== '--disable-gpu') : ARGS,
    viewport: viewport ?? { width: 1024, height: 720 },
    ...(touch ? { hasTouch: true, isMobile: true } : {}),
    locale: 'fr-FR',
    acceptDownloads: true,
    serviceWorkers: serviceWorkers ?? 'block',
    bypassCSP: bypassCSP ?? false,
  });
}

/** Requests that left the machine (data: and blob: URLs are local by nature). */
export function externalRequests(requests: string[]): string[] {
  return requests.filter((url) => {
    if (!/^(https?|wss?):/i.test(url)) return false;
    const host = new URL(url).hostname;
    return host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]';
  });
}

/** Opens the app (optionally with a hash) and waits for the first idle with all data settled. */
export async function openAtlas(h: Harness, hash = ''): Promise<void> {
  // Through about:blank: a URL differing only by its hash would not reload the app.
  await h.page.goto('about:blank');
  await h.page.goto(`${h.baseUrl}/${hash}`);
  await h.page.waitForFunction(() => document.body.dataset.mapState === 'idle', undefined, { timeout: 90_000 });
  await waitIdle(h.page);
}

/** Waits until MapLibre (and the deck.gl layers it draws) has rendered everything pending. */
export async function waitIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const map = window.__atlas?.map;
        if (!map) return fail(new Error('window.__atlas.map is missing'));
        // Two frames first, so that a React update triggered by the last input reaches the map.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            map.once('idle', () => done());
            map.triggerRepaint();
          }),
        );
      }),
  );
}

/** Page coordinates of a lon/lat, through the map's own projection. */
export async function projectToPage(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => {
    const map = window.__atlas!.map;
    const point = map.project(p);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + point.x, y: rect.top + point.y };
  }, lonLat);
}
