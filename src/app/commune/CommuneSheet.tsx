// A one-page A4 sheet of a commune, for a mayor's office: map with its outline emphasised,
// legend, scale, headline figures with ranks, QPV, date and credits. One SVG at 150 dpi
// (1240 × 1754 px) is both what prints (at 210 × 297 mm) and what the PNG is rasterised from,
// so both carry the same legend, scale and credits.
import { useEffect, useRef, useState } from 'react';
import type { CommuneProfile, CommunesFile } from '../../../layers/commune-profile';
import { findSublayer } from '../../../layers/index';
import { resolutionChunk, textChunk, withChunks } from '../../core/png/png-chunks';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { markerPath } from '../map/marker-shapes';
import { mmToPixels, PAPER_MM } from '../present/export/layout';
import { download } from '../workbench/download';
import { MapShapes, useCommuneDrawing } from './CommuneMap';
import type { CommunePageProps } from './CommunePage';
import { HEADLINE_FIGURES } from './data';
import { figureLabel, figureValueOrNone, rankText, totalText } from './format';

export const SHEET_DPI = 150;
const W = mmToPixels(PAPER_MM.A4[0], SHEET_DPI);
const H = mmToPixels(PAPER_MM.A4[1], SHEET_DPI);
const M = 70;
const MAP_W = W - 2 * M;
const MAP_MAX_H = 520;
const INK = 'rgb(29 35 39)';
const SOFT = 'rgb(74 84 91)';
const rgb = (c: number[]): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;

/** Lines of at most `chars` characters, cut at spaces (the sheet's fonts are plain sans-serif). */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// The paper size rule lives in a constructed style sheet (the CSP refuses inline <style>), only while the sheet prints.
let pageSheet: CSSStyleSheet | null = null;
function printA4(): void {
  pageSheet = new CSSStyleSheet();
  pageSheet.replaceSync('@page { size: A4 portrait; margin: 0; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  document.body.classList.add('commune-impression');
  const done = () => {
    document.body.classList.remove('commune-impression');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** Rasterises the sheet's SVG at 150 dpi, with the credits and the resolution inside the PNG. */
async function sheetPng(svg: SVGSVGElement, title: string, credits: string): Promise<Uint8Array> {
  const text = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    canvas.getContext('2d')!.drawImage(image, 0, 0, W, H);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return withChunks(bytes, [
      textChunk('Title', title),
      textChunk('Copyright', credits),
      textChunk('Software', 'Atlas Lens-Liévin'),
      resolutionChunk(SHEET_DPI),
    ]);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function CommuneSheet({
  file,
  profile,
  data,
  catalog,
  theme,
  onClose,
}: { file: CommunesFile; profile: CommuneProfile; onClose: () => void } & CommunePageProps) {
  const i18n = useI18n();
  const { t, fmt, locale } = i18n;
  const drawing = useCommuneDrawing(profile, data, catalog, theme, MAP_W);
  const svgRef = useRef<SVGSVGElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const mapH = Math.min(drawing.p.height, MAP_MAX_H);
  const mapY = 190;
  const legendY = mapY + mapH + 40;
  const legendRows = [
    { key: 'commune', label: t('commune.legend.commune'), kind: 'outline' as const },
    ...drawing.legend.map(({ sublayer, cls }) => {
      const def = findSublayer(sublayer)!;
      const label =
        domainString(locale, def.sublayer.title) + (cls.label && cls.label !== def.sublayer.title ? ` – ${domainString(locale, cls.label)}` : '');
      return { key: `${sublayer}/${cls.id}`, label, kind: def.sublayer.geometry, symbol: cls.symbol };
    }),
  ];
  const legendLines = Math.ceil(legendRows.length / 2);
  const tableY = legendY + 40 + legendLines * 30 + 24;
  const figures = profile.figures.filter((f) => HEADLINE_FIGURES.includes(f.id));
  const qpvY = tableY + 40 + figures.length * 28 + 10;
  const qpvLines = wrap(
    profile.qpv.length > 0 ? t('commune.sheet.qpv', { list: profile.qpv.map((q) => q.nom).join(', ') }) : t('commune.qpv.none'),
    120,
  );
  const mapScale = Math.min(1, mapH / drawing.p.height);
  const mapLeft = M + (MAP_W - MAP_W * mapScale) / 2;
  const creditLines = wrap(drawing.credits, 150);
  const creditsY = H - M - creditLines.length * 20;
  const date = fmt.date(file.generatedAt);
  const title = t('commune.sheet.title', { nom: profile.nom });

  return (
    <article className="commune-page commune-sheet-page" aria-labelledby="commune-titre">
      <h1 id="commune-titre" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <div className="commune-actions">
        <button type="button" onClick={printA4}>
          {t('commune.sheet.print')}
        </button>
        <button
          type="button"
          onClick={() => {
            setError(null);
            sheetPng(svgRef.current!, title, drawing.credits).then(
              (bytes) => download({ bytes, mime: 'image/png', fileName: `fiche-${profile.code}-${profile.nom.replace(/[^\p{L}\d-]+/gu, '-')}.png` }),
              (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
            );
          }}
        >
          {t('commune.sheet.png')}
        </button>
        <button type="button" onClick={onClose}>
          {t('commune.sheet.close')}
        </button>
      </div>
      {error && <p role="alert">{t('commune.sheet.error', { message: error })}</p>}
      <div className="commune-sheet">
        <svg
          ref={svgRef}
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${W} ${H}`}
          width={W}
          height={H}
          className="commune-sheet-svg"
          role="img"
          aria-label={`${title}. ${t('commune.map.alt', { nom: profile.nom })}`}
          fontFamily="DejaVu Sans, Arial, sans-serif"
          data-credits={drawing.credits}
        >
          <rect width={W} height={H} fill="rgb(255 255 255)" />
          <text x={M} y={110} fontSize={48} fontWeight={700} fill={INK}>
            {profile.nom}
          </text>
          <text x={W - M} y={80} fontSize={18} fill={SOFT} textAnchor="end">
            {t('commune.sheet.brand')}
          </text>
          <text x={M} y={150} fontSize={20} fill={SOFT}>
            {t('commune.intro', { code: profile.code, population: fmt.int(profile.population), year: file.populationYear ?? '' })}
          </text>
          <svg x={M} y={mapY} width={MAP_W} height={mapH} viewBox={`0 0 ${MAP_W} ${drawing.p.height}`} preserveAspectRatio="xMidYMid meet">
            <MapShapes drawing={drawing} theme={theme} scale={false} />
          </svg>
          <rect x={M} y={mapY} width={MAP_W} height={mapH} fill="none" stroke={SOFT} strokeWidth={1.5} />
          <g transform={`translate(${mapLeft + 24} ${mapY + mapH - 24})`} className="commune-scale">
            <rect x={-10} y={-34} width={drawing.bar.pixels * mapScale + 20} height={48} fill="rgb(255 255 255)" fillOpacity={0.9} />
            <path d={`M0 0 H${(drawing.bar.pixels * mapScale).toFixed(1)}`} stroke={INK} strokeWidth={5} />
            <path d={`M0 -8 V8 M${(drawing.bar.pixels * mapScale).toFixed(1)} -8 V8`} stroke={INK} strokeWidth={2} />
            <text x={0} y={-12} fontSize={20} fill={INK}>
              {drawing.bar.label}
            </text>
          </g>
          <text x={M} y={legendY} fontSize={22} fontWeight={700} fill={INK}>
            {t('commune.legend')}
          </text>
          {legendRows.map((row, i) => {
            const x = M + (i % 2) * (MAP_W / 2);
            const y = legendY + 16 + Math.floor(i / 2) * 30;
            let swatch;
            if (row.kind === 'outline')
              swatch = <rect x={x} y={y} width={40} height={24} fill={rgb(theme.land)} stroke={rgb(theme.territoryLine)} strokeWidth={4} />;
            else if (row.kind === 'point' && 'symbol' in row)
              swatch = (
                <path
                  d={markerPath(row.symbol.marker ?? 'cercle', 8)}
                  transform={`translate(${x + 20} ${y + 12})`}
                  fill={rgb(row.symbol.fill ?? row.symbol.line)}
                  stroke="rgb(40 40 40)"
                />
              );
            else if (row.kind === 'line' && 'symbol' in row)
              swatch = (
                <path
                  d={`M${x} ${y + 18} C ${x + 14} ${y}, ${x + 26} ${y + 24}, ${x + 40} ${y + 6}`}
                  fill="none"
                  stroke={rgb(row.symbol.line)}
                  strokeWidth={Math.max(row.symbol.lineWidth, 2)}
                  strokeDasharray={row.symbol.dash?.map((d) => d * Math.max(row.symbol.lineWidth, 1)).join(' ')}
                />
              );
            else if ('symbol' in row)
              swatch = (
                <rect
                  x={x}
                  y={y}
                  width={40}
                  height={24}
                  fill={row.symbol.fill ? rgb(row.symbol.fill) : 'none'}
                  stroke={rgb(row.symbol.line)}
                  strokeWidth={Math.max(row.symbol.lineWidth, 1)}
                />
              );
            return (
              <g key={row.key}>
                {swatch}
                <text x={x + 52} y={y + 18} fontSize={17} fill={INK}>
                  {row.label}
                </text>
              </g>
            );
          })}
          <text x={M} y={tableY} fontSize={22} fontWeight={700} fill={INK}>
            {t('commune.figures.title')}
          </text>
          {[t('commune.col.value'), t('commune.col.rank'), t('commune.col.total')].map((h, i) => (
            <text key={h} x={[560, 770, 960][i]} y={tableY + 34} fontSize={16} fontWeight={700} fill={SOFT}>
              {h}
            </text>
          ))}
          {figures.map((f, i) => {
            const y = tableY + 64 + i * 28;
            const none = f.value === 0 && !!f.none;
            return (
              <g key={f.id} data-figure={f.id}>
                {i % 2 === 0 && <rect x={M - 6} y={y - 20} width={MAP_W + 12} height={28} fill="rgb(242 244 245)" />}
                <text x={M} y={y} fontSize={17} fill={INK}>
                  {figureLabel(i18n, f)}
                </text>
                <text x={560} y={y} fontSize={none ? 15 : 17} fontWeight={none ? 400 : 700} fontStyle={none ? 'italic' : undefined} fill={INK}>
                  {figureValueOrNone(i18n, f)}
                </text>
                {!none && (
                  <text x={770} y={y} fontSize={16} fill={INK}>
                    {rankText(i18n, f).replace(/, .*$/, '')}
                  </text>
                )}
                <text x={960} y={y} fontSize={16} fill={SOFT}>
                  {totalText(i18n, f, undefined)}
                </text>
              </g>
            );
          })}
          {qpvLines.map((line, i) => (
            <text key={i} x={M} y={qpvY + 24 + i * 24} fontSize={17} fill={INK}>
              {line}
            </text>
          ))}
          <text x={M} y={qpvY + 30 + qpvLines.length * 24} fontSize={15} fill={SOFT}>
            {`${t('commune.sheet.made', { date })} · ${t('commune.scale', { label: drawing.bar.label })}`}
          </text>
          {creditLines.map((line, i) => (
            <text key={i} x={M} y={creditsY + i * 20} fontSize={14} fill={SOFT}>
              {line}
            </text>
          ))}
        </svg>
      </div>
    </article>
  );
}
