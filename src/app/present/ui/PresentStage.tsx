// Mounted beside the map: the slide panel while presenting, the embed bar in embed mode, the
// notices, and the dialogs (downloaded when first opened).
import { lazy, Suspense, useEffect } from 'react';
import { useI18n } from '../../i18n';
import type { Present } from '../usePresent';
import type { PresentView } from '../view';
import { usePrint } from '../print/usePrint';

// Off the initial download: needed when presenting, embedded, printing (loaded right after start,
// so Ctrl+P finds the print sheet ready).
const SlidePanel = lazy(() => import('./SlidePanel').then((m) => ({ default: m.SlidePanel })));
const BlankScreen = lazy(() => import('./SlidePanel').then((m) => ({ default: m.BlankScreen })));
const EmbedBar = lazy(() => import('./EmbedBar').then((m) => ({ default: m.EmbedBar })));
const PrintSheet = lazy(() => import('../print/PrintSheet').then((m) => ({ default: m.PrintSheet })));

const DecksDialog = lazy(() => import('../decks/DecksDialog'));
const ShareDialog = lazy(() => import('../share/ShareDialog'));
const ExportDialog = lazy(() => import('../export/ExportDialog'));

export function PresentStage({ present, view }: { present: Present; view: PresentView }) {
  const { t } = useI18n();
  const { show, activeDeck, dialog, setDialog } = present;
  const close = () => setDialog(null);
  const print = usePrint();
  const printError = print.job?.error;
  const { notify } = present;
  const { finish } = print;
  useEffect(() => {
    if (!printError) return;
    notify('erreur', t('present.print.failed', { reason: printError }));
    finish();
  }, [printError, notify, finish, t]);
  // One boundary each: a dialog being downloaded must not hide the slide or the notices.
  const lazily = (node: React.ReactNode) => <Suspense fallback={null}>{node}</Suspense>;
  return (
    <>
      {show.presenting && activeDeck && lazily(<SlidePanel present={present} deck={activeDeck} cards={view.cards} />)}
      {show.presenting && show.blank && lazily(<BlankScreen onBack={() => show.setBlank(false)} />)}
      {present.embed && !show.presenting && lazily(<EmbedBar view={view} />)}
      {present.notices.length > 0 && (
        <div className="present-notices">
          {present.notices.map((n) => (
            <p key={n.id} className={`present-notice present-notice-${n.kind}`} role={n.kind === 'erreur' ? 'alert' : 'status'}>
              <span>{n.text}</span>
              <button type="button" className="link-button" onClick={() => present.dismiss(n.id)}>
                {t('present.notice.dismiss')}
              </button>
            </p>
          ))}
        </div>
      )}
      {/* Shown by present.css while the map is away rendering an image. */}
      <div className="present-render-cover" aria-hidden="true">
        <p>{t('present.export.renderingCover')}</p>
      </div>
      {lazily(<PrintSheet print={print} present={present} view={view} />)}
      {dialog === 'jeux' && lazily(<DecksDialog present={present} view={view} onClose={close} />)}
      {dialog === 'partager' && lazily(<ShareDialog present={present} view={view} onClose={close} />)}
      {dialog === 'exporter' && lazily(<ExportDialog present={present} view={view} print={print} onClose={close} />)}
    </>
  );
}
