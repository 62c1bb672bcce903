// The layer panel's export dialog: the workbench's format and coordinate-system choice, the credits
// the file will carry (and the ODbL share-alike notice for OpenStreetMap-derived data), then the
// export in the workbench worker with progress and « Annuler ». Cancelling stops the worker: no file
// is downloaded and the map's data are untouched (the worker reads its own copy of the file).
import { useEffect, useId, useRef, useState } from 'react';
import type { Catalog } from '../../../layers/types';
import { findSublayer } from '../../../layers/index';
import { DATA_BASE } from '../../core/data/catalog';
import { attributionSentence, creditsFromCatalog, shareAlikeNotice } from '../../core/credits';
import { ExportChoice, useExportChoice } from '../workbench/ui/ExportChoice';
import { WorkbenchClient, JobError, CANCELLED } from '../workbench/worker-client';
import { download } from '../workbench/download';
import { useI18n, type MessageKey } from '../i18n';
import { Fr } from '../i18n/Localized';
import './layer-export.css';

// One worker for the layer panel's exports, started on the first export; a cancel terminates it and
// the next export starts a fresh one. It holds nothing to restore.
let client: WorkbenchClient | null = null;
const exportClient = (): WorkbenchClient =>
  (client ??= new WorkbenchClient(
    () => new Worker(new URL('../../worker/workbench.worker.ts', import.meta.url), { type: 'module', name: 'export-couche' }),
    () => undefined,
  ));

const STAGES: Record<string, MessageKey> = {
  'lecture de la couche': 'gis.layerExport.reading',
  'écriture du fichier': 'gis.layerExport.writing',
};

type State =
  | { kind: 'idle' }
  | { kind: 'running'; jobId: number; fraction: number; stage: string }
  | { kind: 'done'; fileName: string; kb: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; reason: string };

export default function LayerExportDialog({
  catalog,
  sublayerId,
  title,
  onClose,
}: {
  catalog: Catalog;
  sublayerId: string;
  title: string;
  onClose: () => void;
}) {
  const { t, tn } = useI18n();
  const uid = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const choice = useExportChoice();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const running = useRef<number | null>(null);

  const entry = catalog.layers.flatMap((l) => l.sublayers).find((s) => s.id === sublayerId);
  const credits = creditsFromCatalog(catalog, [sublayerId]);
  const odbl = shareAlikeNotice(credits);
  const found = findSublayer(sublayerId);
  // The file's name and the layer name written inside it: French, as the credits are.
  const name = found
    ? found.sublayer.title === found.layer.title
      ? found.layer.title
      : `${found.layer.title} — ${found.sublayer.title}`
    : sublayerId;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  // Closing the dialog (Escape, « Fermer ») while exporting cancels the export.
  useEffect(
    () => () => {
      if (running.current !== null) exportClient().cancel(running.current);
    },
    [],
  );

  const start = async () => {
    if (!entry?.file) return;
    const job = exportClient().run(
      'exported',
      {
        type: 'export-layer',
        file: entry.file,
        dataBase: new URL(DATA_BASE, window.location.href).href,
        format: choice.format,
        crs: choice.crs,
        name,
        credits,
      },
      (fraction, stage) => setState((s) => (s.kind === 'running' ? { ...s, fraction, stage } : s)),
    );
    running.current = job.id;
    setState({ kind: 'running', jobId: job.id, fraction: 0, stage: 'lecture de la couche' });
    try {
      const { file } = await job.promise;
      download(file);
      setState({ kind: 'done', fileName: file.fileName, kb: Math.max(1, Math.round(file.bytes.length / 1024)) });
    } catch (error) {
      if (error instanceof JobError && error.code === CANCELLED) setState({ kind: 'cancelled' });
      else setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    } finally {
      running.current = null;
    }
  };

  const cancel = () => {
    if (running.current !== null) exportClient().cancel(running.current);
  };

  return (
    <dialog ref={dialog} className="layer-export" aria-labelledby={`${uid}-titre`} onClose={onClose} data-layer-export-dialog={sublayerId}>
      <h2 id={`${uid}-titre`}>{t('gis.layerExport.title', { title })}</h2>
      {entry && <p>{tn('gis.layerExport.count', entry.featureCount)}</p>}
      <div className="wb-export layer-export-choice">
        <ExportChoice uid={uid} choice={choice} formatLabel={t('gis.layerExport.format')} />
      </div>
      <h3>{t('gis.layerExport.credits')}</h3>
      <p className="layer-export-credits">
        <Fr>{attributionSentence(credits)}</Fr>
      </p>
      {odbl && (
        <p className="layer-export-odbl" data-odbl="">
          {t('gis.layerExport.odbl')}
        </p>
      )}
      {state.kind === 'running' && (
        <div className="layer-export-progress">
          <label htmlFor={`${uid}-progression`}>
            {t('gis.layerExport.progress')} · {STAGES[state.stage] ? t(STAGES[state.stage]) : state.stage}
          </label>
          <progress id={`${uid}-progression`} max={1} value={state.fraction} />
        </div>
      )}
      <p role="status" className="layer-export-status">
        {state.kind === 'done' && t('gis.layerExport.done', { name: state.fileName, kb: state.kb })}
        {state.kind === 'cancelled' && t('gis.layerExport.cancelled')}
      </p>
      {state.kind === 'failed' && (
        <p role="alert" className="layer-export-error">
          {t('gis.layerExport.failed', { reason: '' })}
          <Fr>{state.reason}</Fr>
        </p>
      )}
      <div className="layer-export-actions">
        {state.kind === 'running' ? (
          <button type="button" onClick={cancel}>
            {t('gis.layerExport.cancel')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void start()} disabled={!entry?.file}>
            {t('gis.layerExport.run')}
          </button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('gis.layerExport.close')}
        </button>
      </div>
    </dialog>
  );
}
