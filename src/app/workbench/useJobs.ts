// Jobs in progress (for the progress bars) and the workbench's notices. Notices and job labels are
// kept as messages (key + parameters) and translated when shown; `detail` is text from the importer
// or the browser (French diagnostics), shown after the message.
import { useCallback, useState } from 'react';
import type { Message } from '../i18n';
import { CANCELLED, JobError, type Job } from './worker-client';

export interface ActiveJob {
  id: number;
  label: Message;
  fraction: number;
  stage: string;
}

export interface Notice {
  id: number;
  kind: 'erreur' | 'info';
  message?: Message;
  detail?: string;
  /** Files that failed on their coordinate system: the user can choose one and try again. */
  retry?: { files: File[]; fileName: string };
}

let noticeCounter = 0;
/** Shortest time between two progress renders of one job. */
const PROGRESS_INTERVAL_MS = 200;
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useJobs() {
  const [jobs, setJobs] = useState<ActiveJob[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback((kind: Notice['kind'], message: Message | undefined, detail?: string, retry?: Notice['retry']) => {
    setNotices((n) => [...n, { id: ++noticeCounter, kind, message, detail, retry }]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);

  /** Runs a job with a progress entry; resolves to null when it failed (a notice says why) or was cancelled. */
  const track = useCallback(
    async <T>(label: Message, start: (onProgress: (fraction: number, stage: string) => void) => Job<T>): Promise<T | null> => {
      let job: Job<T> | null = null;
      // Each update re-renders the shell: a big import sends hundreds of messages, and rendering
      // each one froze the page for seconds (issue 14's profile). A bar moving 5 times a second
      // reads the same; a new stage always shows.
      let shown = { at: 0, stage: '' };
      const onProgress = (fraction: number, stage: string) => {
        const now = performance.now();
        if (stage === shown.stage && fraction < 1 && now - shown.at < PROGRESS_INTERVAL_MS) return;
        shown = { at: now, stage };
        setJobs((list) => list.map((j) => (job && j.id === job.id ? { ...j, fraction, stage } : j)));
      };
      job = start(onProgress);
      const id = job.id;
      setJobs((list) => [...list, { id, label, fraction: 0, stage: 'démarrage' }]);
      try {
        return await job.promise;
      } catch (error) {
        if (error instanceof JobError && error.code === CANCELLED) notify('info', { key: 'wb.notice.cancelled', params: { label } });
        else notify('erreur', label, errorText(error));
        return null;
      } finally {
        setJobs((list) => list.filter((j) => j.id !== id));
      }
    },
    [notify],
  );

  return { jobs, notices, notify, dismiss, track };
}
