// The printed page: title, map (with its scale bar and north arrow), legend and credits. Hidden on
// screen; shown alone by the print style sheet (present.css). Always mounted, so that Ctrl+P
// without the export dialog still prints a complete page, with a snapshot of the map on screen.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useI18n } from '../../i18n';
import { SymbolSwatch } from '../../ui/SymbolSwatch';
import { decorateMap } from '../export/draw';
import { creditLines, legendEntries, type LegendEntry } from '../export/legend-items';
import { metresPerCssPixel, scaleDenominator } from '../export/scale';
import { defaultTitle, subtitle } from '../export/titles';
import { getLiveMap } from '../../map/live-map';
import type { Present } from '../usePresent';
import type { PresentView } from '../view';
import { clearDefaultPageStyle, defaultPageStyle, type PrintApi } from './usePrint';

const rgb = (c: number[]): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;

function LegendItem({ entry, view }: { entry: LegendEntry; view: PresentView }) {
  if (entry.kind === 'titre') return <li className="print-legend-head">{entry.text}</li>;
  return (
    <li>
      {entry.kind === 'symbole' ? (
        <SymbolSwatch symbol={entry.symbol} geometry={entry.geometry} ground={view.theme.territoryFill} />
      ) : (
        <span
          className={`print-swatch${entry.kind === 'incertitude' ? ' print-swatch-dashed' : ''}`}
          style={{ borderColor: rgb(entry.colour), background: entry.kind === 'couleur' && !entry.outline ? rgb(entry.colour) : 'transparent' }}
        />
      )}
      <span>{entry.text}</span>
    </li>
  );
}

export function PrintSheet({ print, present, view }: { print: PrintApi; present: Present; view: PresentView }) {
  const { t, fmt, locale } = useI18n();
  const [snapshot, setSnapshot] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const { job } = print;
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
    [view.catalog, view.visibility, view.theme, view.workspaceItems, view.card, view.selection, t],
  );
  const credits = view.catalog
    ? creditLines({ catalog: view.catalog, visibility: view.visibility, basemap: view.basemap, locale, workspaceItems: view.workspaceItems, t })
    : [];
  const format = job?.format ?? 'A4';
  const orientation = job?.orientation ?? (typeof window !== 'undefined' && window.innerWidth < window.innerHeight ? 'portrait' : 'paysage');
  const number = (n: number) => fmt.number(n, 1);

  // Laid out at paper size (offscreen) until the map box is measured and the map rendered.
  useLayoutEffect(() => {
    if (job?.phase !== 'mise-en-page' || !box.current) return;
    const { width, height } = box.current.getBoundingClientRect();
    void print.onMeasured({ width, height }, (canvas, metresPerPixel, scale) =>
      decorateMap(canvas, {
        scale,
        metresPerPixel,
        formatNumber: number,
        northLabel: t('present.export.north'),
        note: t('present.export.scaleNote', { scale: fmt.int(scaleDenominator(metresPerPixel * scale, 96)), format }),
      }),
    );
  });

  // Ctrl+P: the map on screen, drawn again synchronously so that its WebGL buffer can be read.
  useEffect(() => {
    const before = () => {
      const live = getLiveMap();
      if (job || !live) return;
      live.map.redraw();
      const source = live.map.getCanvas();
      const canvas = document.createElement('canvas');
      canvas.width = source.width;
      canvas.height = source.height;
      canvas.getContext('2d')?.drawImage(source, 0, 0);
      const ratio = source.width / Math.max(1, source.clientWidth);
      const c = live.map.getCenter();
      decorateMap(canvas, {
        scale: ratio,
        metresPerPixel: metresPerCssPixel(live.map.getZoom(), c.lat) / ratio,
        formatNumber: number,
        northLabel: t('present.export.north'),
        note: null,
      });
      defaultPageStyle();
      document.body.classList.add('atlas-impression');
      flushSync(() => setSnapshot(canvas.toDataURL('image/png')));
    };
    const after = () => {
      if (job) return;
      clearDefaultPageStyle();
      document.body.classList.remove('atlas-impression');
      setSnapshot(null);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  });

  const src = job?.map?.src ?? snapshot;
  const title = job?.title ?? defaultTitle(present, view, t);
  return createPortal(
    <div
      className={`print-sheet print-${format} print-${orientation}${job && job.phase !== 'impression' ? ' print-measuring' : ''}`}
      data-impression={job?.phase ?? 'repos'}
    >
      <header className="print-head">
        <h1>{title}</h1>
        <p>{subtitle(view, t, fmt.date(new Date()))}</p>
      </header>
      <div className="print-map" ref={box}>
        {src && <img src={src} alt={t('present.print.mapAlt', { title })} onLoad={job ? print.onReady : undefined} />}
      </div>
      {legend.length > 0 && (
        <section className="print-legend">
          <h2>{t('present.export.legend')}</h2>
          <ul>
            {legend.map((entry, i) => (
              <LegendItem key={i} entry={entry} view={view} />
            ))}
          </ul>
        </section>
      )}
      <footer className="print-credits">
        <h2>{t('present.export.sources')}</h2>
        <ul>
          {credits.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>{t('present.export.madeWith', { date: fmt.date(new Date()) })}</p>
      </footer>
    </div>,
    document.body,
  );
}
