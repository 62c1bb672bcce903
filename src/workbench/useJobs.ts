// Jobs in progress (for the progress bars) and the workbench's French notices.
import { useCallback, useState } from 'react';
import { CANCELLED, JobError, type Job } from './worker/client';

export interface ActiveJob {
  id: number;
  label: string;
  fraction: number;
  stage: string;
}

export interface Notice {
  id: number;
  kind: 'erreur' | 'info';
  text: string;
  /** Files that failed on their coordinate system: the user can choose one and try again. */
  retry?: { files: File[]; fileName: string };
}

let noticeCounter = 0;
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useJobs() {
  const [jobs, setJobs] = useState<ActiveJob[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback((kind: Notice['kind'], text: string, retry?: Notice['retry']) => {
    setNotices((n) => [...n, { id: ++noticeCounter, kind, text, retry }]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);

  /** Runs a job with a progress entry; resolves to null when it failed (a notice says why) or was cancelled. */
  const track = useCallback(
    async <T,>(label: string, start: (onProgress: (fraction: number, stage: string) => void) => Job<T>): Promise<T | null> => {
      let job: Job<T> | null = null;
      const onProgress = (fraction: number, stage: string) =>
        setJobs((list) => list.map((j) => (job && j.id === job.id ? { ...j, fraction, stage } : j)));
      job = start(onProgress);
      const id = job.id;
      setJobs((list) => [...list, { id, label, fraction: 0, stage: 'démarrage' }]);
      try {
        return await job.promise;
      } catch (error) {
        if (error instanceof JobError && error.code === CANCELLED) notify('info', `${label} : annulé. Votre espace de travail est intact.`);
        else notify('erreur', `${label} : ${errorText(error)}`);
        return null;
      } finally {
        setJobs((list) => list.filter((j) => j.id !== id));
      }
    },
    [notify],
  );

  return { jobs, notices, notify, dismiss, track };
}
