// Where the workspace is kept, how much room it takes, and the explicit "clear" (asked twice).
import { useEffect, useState } from 'react';
import type { StorageState } from '../useWorkspace';
import { useI18n } from '../../i18n';

export function StorageSection({
  storage,
  count,
  estimate,
  onClear,
}: {
  storage: StorageState;
  count: number;
  estimate: () => Promise<{ usage: number; quota: number } | null>;
  onClear: () => void;
}) {
  const { t, tn, fmt } = useI18n();
  const mb = (bytes: number) => fmt.number(bytes / 1_048_576, 1);
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (storage === 'ok') void estimate().then(setUsage, () => setUsage(null));
  }, [storage, count, estimate]);
  return (
    <section className="wb-section" aria-labelledby="wb-stockage-titre">
      <h3 id="wb-stockage-titre">{t('wb.storage.title')}</h3>
      <p className="wb-hint">
        {storage === 'session' ? t('wb.storage.session') : t('wb.storage.saved')}
        {usage && ` ${t('wb.storage.usage', { used: mb(usage.usage), quota: mb(usage.quota) })}`}
      </p>
      {confirming ? (
        <div className="wb-confirm" role="group" aria-label={t('wb.storage.confirmLabel')}>
          <span>{tn('wb.storage.confirm', count)}</span>
          <button
            type="button"
            className="wb-danger"
            onClick={() => {
              setConfirming(false);
              onClear();
            }}
          >
            {t('wb.storage.confirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('wb.storage.confirmNo')}
          </button>
        </div>
      ) : (
        <button type="button" className="wb-remove" onClick={() => setConfirming(true)} disabled={count === 0}>
          {t('wb.storage.clear')}
        </button>
      )}
    </section>
  );
}
