// « Exporter »: a PNG of the view at screen size or on A4/A3 paper at 150 or 300 dpi, portrait or
// landscape, with title, legend, scale bar, north arrow and credits; or the same page printed.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { downloadBlob } from '../decks/deck-files';
import { getLiveMap } from '../../map/live-map';
import type { PrintApi } from '../print/usePrint';
import { pageBase, permalink } from '../share/links';
import { Dialog } from '../ui/Dialog';
import type { Present } from '../usePresent';
import type { PresentView } from '../view';
import { exportPng, type ExportResult } from './export-png';
import { pixelSize, type Dpi, type ExportFormat, type Orientation } from './layout';
import { creditLines, legendEntries } from './legend-items';
import { defaultTitle, subtitle } from './titles';

interface Props {
  present: Present;
  view: PresentView;
  print: PrintApi;
  onClose: () => void;
}

export default function ExportDialog({ present, view, print, onClose }: Props) {
  const { t, fmt, locale } = useI18n();
  const titleId = useId();
  const [format, setFormat] = useState<ExportFormat>('A4');
  const [dpi, setDpi] = useState<Dpi>(150);
  const [orientation, setOrientation] = useState<Orientation>(() => (window.innerWidth >= window.innerHeight ? 'paysage' : 'portrait'));
  const [title, setTitle] = useState(() => defaultTitle(present, view, t));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<(ExportResult & { url: string }) | null>(null);
  const abort = useRef<AbortController | null>(null);
  const screen = { width: window.innerWidth, height: window.innerHeight, dpr: window.devicePixelRatio || 1 };
  const size = { format, dpi, orientation };
  const px = pixelSize(size, screen);
  const legend = useMemo(
    () =>
      view.catalog
        ? legendEntries({
            catalog: view.catalog,
            visibility: view.visibility,
            theme: view.theme,
            workspaceItems: view.workspaceItems,
            card: view.card,
            selection: view.selection,
            t,
          })
        : [],
    [view, t],
  );

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => () => void (result && URL.revokeObjectURL(result.url)), [result]);

  const run = async () => {
    const live = getLiveMap();
    if (!live || !view.catalog) return setError(t('present.export.noMap'));
    setBusy(true);
    setError(null);
    setResult(null);
    abort.current = new AbortController();
    try {
      const credits = [
        ...creditLines({ catalog: view.catalog, visibility: view.visibility, basemap: view.basemap, locale, workspaceItems: view.workspaceItems, t }),
        t('present.export.madeWith', { date: fmt.date(new Date()) }),
      ];
      const r = await exportPng(
        live,
        {
          size,
          screen,
          title: title.trim() || defaultTitle(present, view, t),
          subtitle: subtitle(view, t, fmt.date(new Date())),
          legend,
          credits,
          ground: view.theme.territoryFill,
          permalink: permalink(view.urlState, pageBase(window.location)),
          t,
          formatNumber: (n) => fmt.number(n, 1),
        },
        abort.current.signal,
      );
      downloadBlob(r.blob, r.fileName);
      setResult({ ...r, url: URL.createObjectURL(r.blob) });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError'))
        setError(t('present.export.failed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const printFormat = format === 'ecran' ? 'A4' : format;
  const startPrint = () => {
    print.start({ format: printFormat, orientation, title: title.trim() || defaultTitle(present, view, t) });
    onClose();
  };

  const radio = <T extends string | number>(name: string, value: T, current: T, set: (v: T) => void, label: string) => (
    <label className="radio">
      <input type="radio" name={name} checked={current === value} onChange={() => set(value)} />
      {label}
    </label>
  );

  return (
    <Dialog title={t('present.export.title')} onClose={onClose} className="export-dialog">
      <fieldset className="present-fieldset">
        <legend>{t('present.export.format')}</legend>
        {radio(
          'format',
          'ecran',
          format,
          setFormat,
          t('present.export.screen', {
            width: pixelSize({ ...size, format: 'ecran' }, screen).width,
            height: pixelSize({ ...size, format: 'ecran' }, screen).height,
          }),
        )}
        {radio('format', 'A4', format, setFormat, 'A4')}
        {radio('format', 'A3', format, setFormat, 'A3')}
      </fieldset>
      <fieldset className="present-fieldset" disabled={format === 'ecran'}>
        <legend>{t('present.export.resolution')}</legend>
        {radio('dpi', 150, dpi, setDpi, t('present.export.dpi', { dpi: 150 }))}
        {radio('dpi', 300, dpi, setDpi, t('present.export.dpi', { dpi: 300 }))}
      </fieldset>
      <fieldset className="present-fieldset" disabled={format === 'ecran'}>
        <legend>{t('present.export.orientation')}</legend>
        {radio('orientation', 'paysage', orientation, setOrientation, t('present.export.landscape'))}
        {radio('orientation', 'portrait', orientation, setOrientation, t('present.export.portrait'))}
      </fieldset>
      <div className="present-field">
        <label htmlFor={titleId}>{t('present.export.imageTitle')}</label>
        <input id={titleId} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <p className="note" data-taille-prevue={`${px.width}x${px.height}`}>
        {t('present.export.size', { width: px.width, height: px.height, mpx: fmt.number((px.width * px.height) / 1e6, 1) })}
      </p>
      <div className="deck-actions">
        <button type="button" className="present-primary" onClick={() => void run()} disabled={busy}>
          {t('present.export.download')}
        </button>
        <button type="button" onClick={startPrint} disabled={busy}>
          {t('present.export.print', {
            format: printFormat,
            orientation: orientation === 'paysage' ? t('present.export.landscape') : t('present.export.portrait'),
          })}
        </button>
        {busy && (
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('present.export.cancel')}
          </button>
        )}
      </div>
      <p className="present-status" role="status">
        {busy
          ? t('present.export.rendering', { width: px.width, height: px.height })
          : result
            ? t('present.export.done', { name: result.fileName })
            : ''}
      </p>
      {error && (
        <p className="present-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <figure
          className="export-result"
          data-export-width={result.width}
          data-export-height={result.height}
          data-export-boxes={JSON.stringify(result.boxes)}
        >
          {result.warnings.map((w) => (
            <p key={w} className="present-warning">
              {w}
            </p>
          ))}
          <img src={result.url} alt={t('present.export.previewAlt', { title: result.texts.title })} />
          <figcaption>
            <a href={result.url} download={result.fileName}>
              {t('present.export.again', { name: result.fileName, width: result.width, height: result.height })}
            </a>
            <details>
              <summary>{t('present.export.textOf')}</summary>
              <p>
                <strong>{result.texts.title}</strong> — {result.texts.subtitle}
              </p>
              <p>{t('present.export.scaleText', { scale: result.texts.scale })}</p>
              <ul data-export="legende">
                {result.texts.legend.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
              <ul data-export="credits">
                {result.texts.credits.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </details>
          </figcaption>
        </figure>
      )}
    </Dialog>
  );
}
