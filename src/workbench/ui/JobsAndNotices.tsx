// Jobs in progress (progress bar + cancel) and the workbench's French messages. Errors are alerts;
// the polite live region announces progress milestones and results to screen readers.
import { useState } from 'react';
import type { ActiveJob, Notice } from '../useWorkspace';
import type { CrsCode } from '../types';
import { CRS_CODES, crsLabel } from './labels';

export function JobList({ jobs, onCancel }: { jobs: ActiveJob[]; onCancel: (id: number) => void }) {
  if (!jobs.length) return null;
  return (
    <ul className="wb-jobs" aria-label="Opérations en cours">
      {jobs.map((job) => (
        <li key={job.id} className="wb-job">
          <span id={`job-${job.id}`}>{job.label}</span>
          <progress aria-labelledby={`job-${job.id}`} max={1} value={job.fraction} />
          <span className="wb-job-stage">
            {job.stage} · {Math.round(job.fraction * 100)} %
          </span>
          <button type="button" onClick={() => onCancel(job.id)}>
            Annuler
          </button>
        </li>
      ))}
    </ul>
  );
}

function RetryWithCrs({ notice, onRetry }: { notice: Notice; onRetry: (files: File[], crs: CrsCode) => void }) {
  const [crs, setCrs] = useState<CrsCode>('EPSG:2154');
  if (!notice.retry) return null;
  const id = `retry-${notice.id}`;
  return (
    <div className="wb-retry">
      <label htmlFor={id}>Système de coordonnées de « {notice.retry.fileName} »</label>
      <select id={id} value={crs} onChange={(e) => setCrs(e.target.value as CrsCode)}>
        {CRS_CODES.map((c) => (
          <option key={c} value={c}>
            {crsLabel(c)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onRetry(notice.retry!.files, crs)}>
        Réessayer avec ce système
      </button>
    </div>
  );
}

export function NoticeList({ notices, onDismiss, onRetry }: { notices: Notice[]; onDismiss: (id: number) => void; onRetry: (files: File[], crs: CrsCode) => void }) {
  return (
    <div className="wb-notices">
      {notices.map((n) => (
        <div key={n.id} className={`wb-notice wb-notice-${n.kind}`} role={n.kind === 'erreur' ? 'alert' : 'status'}>
          <p>{n.text}</p>
          <RetryWithCrs notice={n} onRetry={(files, crs) => { onDismiss(n.id); onRetry(files, crs); }} />
          <button type="button" className="wb-dismiss" onClick={() => onDismiss(n.id)} aria-label={`Fermer le message : ${n.text.slice(0, 60)}`}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
