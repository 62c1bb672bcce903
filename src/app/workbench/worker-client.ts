// Main-thread side of the workbench worker: one promise per job, progress callbacks, and cancel.
// Cancelling terminates the worker (a parse in progress cannot be interrupted otherwise) and starts a
// fresh one; the owner then reloads the workspace into it (`onRestart`).
import type { WorkerMessage, WorkerRequest, WorkerResult } from '../../core/worker-protocol';

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type JobRequest = DistributiveOmit<WorkerRequest, 'jobId'>;
export type ResultOf<T extends WorkerResult['type']> = Extract<WorkerResult, { type: T }>;

export class JobError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export const CANCELLED = 'annule';

interface Pending {
  resolve: (result: WorkerResult) => void;
  reject: (error: JobError) => void;
  onProgress?: (fraction: number, stage: string) => void;
  onPartial?: (result: WorkerResult) => void;
}

export interface Job<T> {
  id: number;
  promise: Promise<T>;
}

export class WorkbenchClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly create: () => Worker,
    private readonly onRestart: () => void,
  ) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(
        new JobError(
          `L'atelier a rencontré une erreur interne (${event.message || 'inconnue'}) : l'opération est abandonnée, votre espace de travail est intact.`,
        ),
      );
      this.restart();
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: WorkerMessage): void {
    const job = this.pending.get(message.jobId);
    if (!job) return;
    if (message.kind === 'progress') job.onProgress?.(message.fraction, message.stage);
    else if (message.kind === 'partial') job.onPartial?.(message.result);
    else {
      this.pending.delete(message.jobId);
      if (message.kind === 'done') job.resolve(message.result);
      else job.reject(new JobError(message.message, message.code));
    }
  }

  private failAll(error: JobError): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  private restart(): void {
    this.worker?.terminate();
    this.worker = null;
    this.onRestart();
  }

  /** `onPartial` receives what the job sends before its end (an import's drawable layers). */
  run<T extends WorkerResult['type']>(
    type: T,
    request: JobRequest,
    onProgress?: (fraction: number, stage: string) => void,
    transfer: Transferable[] = [],
    onPartial?: (result: WorkerResult) => void,
  ): Job<ResultOf<T>> {
    const id = this.nextId++;
    const promise = new Promise<ResultOf<T>>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (result) =>
          result.type === type ? resolve(result as ResultOf<T>) : reject(new JobError(`Réponse inattendue de l'atelier (${result.type}).`)),
        reject,
        onProgress,
        onPartial,
      });
    });
    this.ensure().postMessage({ ...request, jobId: id } as WorkerRequest, transfer);
    return { id, promise };
  }

  /** Stops the job now. Other jobs running in the same worker are stopped too (and say so). */
  cancel(id: number): void {
    if (!this.pending.has(id)) return;
    const job = this.pending.get(id);
    this.pending.delete(id);
    job?.reject(new JobError('Opération annulée.', CANCELLED));
    this.failAll(new JobError("Opération interrompue par l'annulation d'une autre : relancez-la.", CANCELLED));
    this.restart();
  }

  dispose(): void {
    this.failAll(new JobError('Atelier fermé.', CANCELLED));
    this.worker?.terminate();
    this.worker = null;
  }
}
