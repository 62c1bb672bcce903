// Modal dialog on the native <dialog>: focus is kept inside, Escape closes it, the page behind is
// inert; focus returns to what opened it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ title, onClose, children, className }: DialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog ref={ref} className={`present-dialog ${className ?? ''}`} aria-labelledby={titleId}>
      <header className="present-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="present-close" onClick={onClose} aria-label={t('present.dialog.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="present-dialog-body">{children}</div>
    </dialog>
  );
}
