// A read-only field with its copy button and a status saying whether the copy worked.
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { copyText } from '../../ui/clipboard';

export function CopyField({ label, value, multiline, copyLabel }: { label: string; value: string; multiline?: boolean; copyLabel: string }) {
  const { t } = useI18n();
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => setStatus((await copyText(value, field.current)) ? t('present.share.copied') : t('present.share.copyFailed'));
  return (
    <div className="present-field">
      <label htmlFor={id}>{label}</label>
      <div className="present-copy">
        {multiline ? (
          <textarea id={id} ref={field} readOnly value={value} rows={4} onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <input id={id} ref={field} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        )}
        <button type="button" onClick={copy}>
          {copyLabel}
        </button>
      </div>
      <p className="present-status" role="status">
        {status}
      </p>
    </div>
  );
}
