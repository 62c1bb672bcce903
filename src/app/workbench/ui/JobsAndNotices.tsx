// Jobs in progress (progress bar + cancel) and the workbench's messages. Errors are alerts; the
// polite status role announces results (an import finished) to screen readers. Importer details
// are French diagnostics, marked lang="fr" in the English UI.
import { useState } from 'react';
import type { ActiveJob, Notice } from '../useWorkspace';
import type { CrsCode } from '../../../core/types';
import { translateMessage, useI18n, type MessageKey } from '../../i18n';
import { useFrLang } from '../../i18n/Localized';
import { CRS_CODES, crsLabel } from './labels';

/** Stages the worker reports (French words of the importer) → their message. */
const STAGES: Record<string, MessageKey> = {
  démarrage: 'wb.stage.starting',
  lecture: 'wb.stage.reading',
  décompression: 'wb.stage.unzipping',
  analyse: 'wb.stage.parsing',
  reprojection: 'wb.stage.reprojecting',
  vérification: 'wb.stage.checking',
  'préparation de l’affichage': 'wb.stage.preparing',
  'lecture de l’espace de travail': 'wb.stage.readingWorkspace',
  'lecture des couches thématiques': 'wb.stage.readingThematic',
};

export function JobList({ jobs, onCancel }: { jobs: ActiveJob[]; onCancel: (id: number) => void }) {
  const { t, locale, fmt } = useI18n();
  if (!jobs.length) return null;
  return (
    <ul className="wb-jobs" aria-label={t('wb.jobs.label')}>
      {jobs.map((job) => (
        <li key={job.id} className="wb-job">
          <span id={`job-${job.id}`}>{translateMessage(locale, job.label)}</span>
          <progress aria-labelledby={`job-${job.id}`} max={1} value={job.fraction} />
          <span className="wb-job-stage">
            {STAGES[job.stage] ? t(STAGES[job.stage]) : job.stage} · {fmt.int(job.fraction * 100)}
            {locale === 'fr' ? ' %' : '%'}
          </span>
          <button type="button" onClick={() => onCancel(job.id)}>
            {t('wb.jobs.cancel')}
          </button>
        </li>
      ))}
    </ul>
  );
}

function RetryWithCrs({ notice, onRetry }: { notice: Notice; onRetry: (files: File[], crs: CrsCode) => void }) {
  const { t } = useI18n();
  const [crs, setCrs] = useState<CrsCode>('EPSG:2154');
  if (!notice.retry) return null;
  const id = `retry-${notice.id}`;
  return (
    <div className="wb-retry">
      <label htmlFor={id}>{t('wb.retry.label', { name: notice.retry.fileName })}</label>
      <select id={id} value={crs} onChange={(e) => setCrs(e.target.value as CrsCode)}>
        {CRS_CODES.map((c) => (
          <option key={c} value={c}>
            {crsLabel(c)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onRetry(notice.retry!.files, crs)}>
        {t('wb.retry.button')}
      </button>
    </div>
  );
}

export function NoticeList({
  notices,
  onDismiss,
  onRetry,
}: {
  notices: Notice[];
  onDismiss: (id: number) => void;
  onRetry: (files: File[], crs: CrsCode) => void;
}) {
  const { t, locale } = useI18n();
  const frLang = useFrLang();
  return (
    <div className="wb-notices">
      {notices.map((n) => {
        const message = n.message ? translateMessage(locale, n.message) : '';
        const text = [message, n.detail].filter(Boolean).join(t('ui.colon'));
        return (
          <div key={n.id} className={`wb-notice wb-notice-${n.kind}`} role={n.kind === 'erreur' ? 'alert' : 'status'}>
            <p>
              {message}
              {message && n.detail && t('ui.colon')}
              {n.detail && <span lang={frLang}>{n.detail}</span>}
            </p>
            <RetryWithCrs
              notice={n}
              onRetry={(files, crs) => {
                onDismiss(n.id);
                onRetry(files, crs);
              }}
            />
            <button
              type="button"
              className="wb-dismiss"
              onClick={() => onDismiss(n.id)}
              aria-label={t('wb.notice.dismiss', { text: text.slice(0, 60) })}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
