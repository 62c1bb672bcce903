// What the browser benches share: one production build of the app served apart from dist/ (a parallel
// `vite build` cannot empty it), Chromium with GPU-process compositing, long-task and heap probes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type * as Harness from '../../tests/browser/harness';
import { BENCH_TMP, PROJECT_ROOT } from './datasets';

type HarnessModule = typeof Harness;

let harness: Promise<HarnessModule> | null = null;

/**
 * Builds the app once per run into .tmp/bench/app and loads the test harness pointed at it
 * (the harness reads ATLAS_DIST when its module loads, hence the dynamic import).
 */
export function benchHarness(log: (line: string) => void = () => {}): Promise<HarnessModule> {
  harness ??= (async () => {
    const outDir = join(BENCH_TMP, 'app');
    log(`  vite build → ${outDir}`);
    const build = spawnSync(
      process.execPath,
      [join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(`vite build failed\n${build.stderr || build.stdout}`);
    process.env.ATLAS_DIST = outDir;
    return import('../../tests/browser/harness');
  })();
  return harness;
}

/**
 * Chromium options for every browser bench: the GPU process composites (SwiftShader still draws).
 * With the test suite's --disable-gpu, Chromium reads each WebGL frame back on the page's main thread
 * for software compositing, a cost no user with a graphics card pays, and it would count as a long task.
 */
export const BENCH_BROWSER = { viewport: { width: 1280, height: 800 }, gpuCompositing: true } as const;

/** Starts collecting long tasks (main thread busy > 50 ms) in the page; read them with `longTasks`. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longtasks: number[] };
    w.__longtasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longtasks.push(e.duration))).observe({ type: 'longtask' });
  });
}

export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks);
}

/** Bytes of JS heap used by the page's main thread after a full garbage collection (Chrome DevTools protocol). */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}
