// Progress and cooperative cancellation of one import. Long loops call `chunk` every CHUNK_SIZE
// items: it reports progress, yields to the event loop (so a worker can receive a cancel message)
// and throws 'annule' once the signal is aborted.
import { errors } from './errors';
import { CHUNK_SIZE, resolveLimits, type ImporterOptions, type ImportLimits } from './limits';

export type ImportStage = 'lecture' | 'décompression' | 'analyse' | 'reprojection' | 'vérification';

/** Share of the overall progress bar given to each stage. */
const STAGE_SPANS: Record<ImportStage, [number, number]> = {
  lecture: [0, 0.05],
  décompression: [0.05, 0.15],
  analyse: [0.15, 0.5],
  reprojection: [0.5, 0.85],
  vérification: [0.85, 1],
};

/**
 * Lets pending messages (a worker's cancel request) run. A MessageChannel round trip is a task
 * without the 4 ms clamp browsers put on nested setTimeout(0).
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class ImportRun {
  readonly limits: ImportLimits;
  private layer = { index: 0, count: 1 };
  private last = 0;

  constructor(
    readonly fileName: string,
    readonly options: ImporterOptions,
    /** Part of the overall bar given to this file when several are imported together. */
    private readonly span: [number, number] = [0, 1],
  ) {
    this.limits = resolveLimits(options);
  }

  /** The reprojection and check stages are shared out between the layers of a file. */
  setLayer(index: number, count: number): void {
    this.layer = { index, count };
  }

  throwIfAborted(): void {
    if (this.options.signal?.aborted) throw errors.cancelled(this.fileName);
  }

  report(stage: ImportStage, fraction: number): void {
    const f = Math.min(1, Math.max(0, fraction));
    let local: number;
    if (stage === 'reprojection' || stage === 'vérification') {
      const [start, end] = [STAGE_SPANS.reprojection[0], STAGE_SPANS['vérification'][1]];
      const within = stage === 'reprojection' ? 0.7 * f : 0.7 + 0.3 * f;
      local = start + ((end - start) * (this.layer.index + within)) / this.layer.count;
    } else {
      const [s0, s1] = STAGE_SPANS[stage];
      local = s0 + (s1 - s0) * f;
    }
    const [a, b] = this.span;
    // Never move the bar backwards (a file's second layer is parsed after the first is checked).
    this.last = Math.max(this.last, a + (b - a) * local);
    this.options.onProgress?.({ stage, fraction: this.last });
  }

  /** Stage boundary: report, yield, check cancellation. */
  async step(stage: ImportStage, fraction = 0): Promise<void> {
    this.report(stage, fraction);
    await yieldToEventLoop();
    this.throwIfAborted();
  }

  /** Inside a loop: does the work of `step` every CHUNK_SIZE items only. */
  async chunk(stage: ImportStage, index: number, total: number): Promise<void> {
    if (index === 0 || index % CHUNK_SIZE !== 0) return;
    await this.step(stage, index / total);
  }
}
