// The commune's map as SVG, drawn from the data already loaded (no tiles, no network: it works
// offline and prints sharp): its neighbours muted, its outline emphasised, the thematic features
// in the layers' own symbols, a legend with the same swatches, a scale bar and the credits.
import { useMemo } from 'react';
import type { Geometry, Position } from 'geojson';
import type { CommuneProfile } from '../../../layers/commune-profile';
import type { Catalog, GeoFeature, StyleClass, Theme } from '../../../layers/types';
import { findSublayer } from '../../../layers/index';
import { attributionSentence, creditsFromCatalog } from '../../core/credits';
import type { LayerData } from '../data/useLayerData';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { markerPath } from '../map/marker-shapes';
import { scaleBar } from '../present/export/scale';
import { SymbolSwatch } from '../ui/SymbolSwatch';

/** Thematic sublayers drawn, bottom to top. */
export const MAP_SUBLAYERS = ['parcs-espaces', 'cites', 'parcs-terrils', 'parcs-cavaliers', 'ev5-troncons', 'cites-puits', 'dechets-etablissements'];

const WIDTH = 640;
const rgb = (c: number[]): string => `rgb(${c[0]} ${c[1]} ${c[2]})`;
const alpha = (c: number[]): number => (c[3] ?? 255) / 255;

interface Projection {
  x: (lon: number) => number;
  y: (lat: number) => number;
  height: number;
  metresPerUnit: number;
}

/** Equirectangular with the commune's mean latitude: at this scale (a few km) it is the map's shape. */
function projection(bounds: [number, number, number, number], width: number): Projection {
  const [w0, s0, e0, n0] = bounds;
  const padX = (e0 - w0) * 0.08;
  const padY = (n0 - s0) * 0.08;
  const [w, s, e, n] = [w0 - padX, s0 - padY, e0 + padX, n0 + padY];
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const scale = width / ((e - w) * k);
  return {
    x: (lon) => (lon - w) * k * scale,
    y: (lat) => (n - lat) * scale,
    height: Math.round((n - s) * scale),
    metresPerUnit: 111_320 / scale,
  };
}

function pathOf(g: Geometry, p: Projection): string {
  const ring = (coords: Position[], close: boolean) =>
    coords.map(([lon, lat], i) => `${i === 0 ? 'M' : 'L'}${p.x(lon).toFixed(1)} ${p.y(lat).toFixed(1)}`).join('') + (close ? 'Z' : '');
  switch (g.type) {
    case 'Polygon':
      return g.coordinates.map((r) => ring(r, true)).join('');
    case 'MultiPolygon':
      return g.coordinates.flatMap((poly) => poly.map((r) => ring(r, true))).join('');
    case 'LineString':
      return ring(g.coordinates, false);
    case 'MultiLineString':
      return g.coordinates.map((l) => ring(l, false)).join('');
    default:
      return '';
  }
}

const inBox = (f: GeoFeature, [w, s, e, n]: number[]): boolean => {
  const walk = (c: unknown): boolean =>
    Array.isArray(c) && typeof c[0] === 'number' ? c[0] >= w && c[0] <= e && c[1] >= s && c[1] <= n : Array.isArray(c) && c.some(walk);
  return 'coordinates' in f.geometry && walk(f.geometry.coordinates);
};

interface Drawn {
  sublayer: string;
  cls: StyleClass;
  feature: GeoFeature;
}

/** What the commune's map draws: projection, features with their style class, legend rows, scale, credits. */
export function useCommuneDrawing(profile: CommuneProfile, data: LayerData, catalog: Catalog | null, theme: Theme, width = WIDTH) {
  const { fmt } = useI18n();
  const p = useMemo(() => projection(profile.bounds, width), [profile.bounds, width]);
  const communes = data.communes?.state === 'ok' ? data.communes.features : [];
  const view = useMemo(() => {
    const [w, s, e, n] = profile.bounds;
    const dx = (e - w) * 0.15;
    const dy = (n - s) * 0.15;
    return [w - dx, s - dy, e + dx, n + dy];
  }, [profile.bounds]);
  const drawn = useMemo(() => {
    const out: Drawn[] = [];
    for (const id of MAP_SUBLAYERS) {
      const d = data[id];
      const def = findSublayer(id);
      if (d?.state !== 'ok' || !def) continue;
      const classes = def.sublayer.classes(theme);
      for (const feature of d.features) {
        if (!inBox(feature, view)) continue;
        const cls = classes.find((c) => !c.when || c.when(feature.properties)) ?? classes[0];
        out.push({ sublayer: id, cls, feature });
      }
    }
    return out;
  }, [data, theme, view]);
  const legend = useMemo(() => {
    const seen = new Map<string, { sublayer: string; cls: StyleClass }>();
    for (const d of drawn) if (!seen.has(`${d.sublayer}/${d.cls.id}`)) seen.set(`${d.sublayer}/${d.cls.id}`, d);
    return [...seen.values()];
  }, [drawn]);
  const bar = scaleBar(p.metresPerUnit, width / 4, (n) => fmt.number(n, 1));
  const credits = catalog ? attributionSentence(creditsFromCatalog(catalog, ['communes', ...new Set(drawn.map((d) => d.sublayer))])) : '';
  const own = communes.find((c) => String(c.properties.code) === profile.code);
  return { p, communes, drawn, legend, bar, credits, own, width };
}

export type CommuneDrawing = ReturnType<typeof useCommuneDrawing>;

/** The map's shapes, in map units (0..width × 0..height), for an <svg> or a group of the A4 sheet. */
export function MapShapes({ drawing, theme, scale = true }: { drawing: CommuneDrawing; theme: Theme; scale?: boolean }) {
  const { p, communes, drawn, own, bar, width } = drawing;
  return (
    <>
      <rect width={width} height={p.height} fill={rgb(theme.background)} />
      {communes.map((c) => (
        <path key={String(c.properties.code)} d={pathOf(c.geometry, p)} fill={rgb(theme.land)} stroke={rgb(theme.communeLine)} strokeWidth={1} />
      ))}
      {drawn.map(({ sublayer, cls, feature }, i) => {
        const s = cls.symbol;
        if (feature.geometry.type === 'Point') {
          const [lon, lat] = feature.geometry.coordinates;
          const r = Math.min((s.markerSize ?? 10) / 2 + 1, 7);
          return (
            <path
              key={`${sublayer}-${i}`}
              d={markerPath(s.marker ?? 'cercle', r)}
              transform={`translate(${p.x(lon).toFixed(1)} ${p.y(lat).toFixed(1)})`}
              fill={rgb(s.fill ?? s.line)}
              stroke="rgb(40 40 40)"
              strokeWidth={1.2}
            />
          );
        }
        const line = feature.geometry.type.includes('Line');
        return (
          <path
            key={`${sublayer}-${i}`}
            d={pathOf(feature.geometry, p)}
            fill={line || !s.fill ? 'none' : rgb(s.fill)}
            fillOpacity={s.fill ? alpha(s.fill) : undefined}
            stroke={rgb(s.line)}
            strokeOpacity={alpha(s.line)}
            strokeWidth={Math.max(s.lineWidth, line ? 2 : 1)}
            strokeDasharray={s.dash?.map((d) => d * Math.max(s.lineWidth, 1)).join(' ')}
            strokeLinecap="round"
          />
        );
      })}
      {own && (
        <>
          <path d={pathOf(own.geometry, p)} fill="none" stroke="rgb(255 255 255)" strokeWidth={7} strokeLinejoin="round" />
          <path d={pathOf(own.geometry, p)} fill="none" stroke={rgb(theme.territoryLine)} strokeWidth={3.5} strokeLinejoin="round" />
        </>
      )}
      {scale && (
        <g transform={`translate(16 ${p.height - 20})`} aria-hidden="true" className="commune-scale">
          <rect x={-6} y={-18} width={bar.pixels + 12} height={30} fill="rgb(255 255 255)" fillOpacity={0.85} />
          <path d={`M0 0 H${bar.pixels.toFixed(1)}`} stroke="rgb(20 20 20)" strokeWidth={3} />
          <path d={`M0 -5 V5 M${bar.pixels.toFixed(1)} -5 V5`} stroke="rgb(20 20 20)" strokeWidth={1.5} />
          <text x={0} y={-7} fontSize={12} fill="rgb(20 20 20)" fontFamily="sans-serif">
            {bar.label}
          </text>
        </g>
      )}
    </>
  );
}

export function CommuneMap({ profile, data, catalog, theme }: { profile: CommuneProfile; data: LayerData; catalog: Catalog | null; theme: Theme }) {
  const { t, locale } = useI18n();
  const drawing = useCommuneDrawing(profile, data, catalog, theme);
  const { p, legend, bar, credits } = drawing;
  const titleId = `carte-commune-titre-${profile.code}`;
  const descId = `carte-commune-desc-${profile.code}`;
  return (
    <figure className="commune-map">
      <svg viewBox={`0 0 ${WIDTH} ${p.height}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="commune-map-svg">
        <title id={titleId}>{t('commune.map.title', { nom: profile.nom })}</title>
        <desc id={descId}>{t('commune.map.alt', { nom: profile.nom })}</desc>
        <MapShapes drawing={drawing} theme={theme} />
      </svg>
      <figcaption>
        <p className="visually-hidden">{t('commune.scale', { label: bar.label })}</p>
        <h3 className="commune-legend-title">{t('commune.legend')}</h3>
        <ul className="commune-legend">
          <li>
            <SymbolSwatch symbol={{ line: theme.territoryLine, lineWidth: 3 }} geometry="polygon" ground={theme.land} />
            {t('commune.legend.commune')}
          </li>
          <li>
            <SymbolSwatch symbol={{ fill: theme.land, line: theme.communeLine, lineWidth: 1 }} geometry="polygon" ground={theme.background} />
            {t('commune.legend.neighbours')}
          </li>
          {legend.map(({ sublayer, cls }) => {
            const def = findSublayer(sublayer)!;
            return (
              <li key={`${sublayer}/${cls.id}`}>
                <SymbolSwatch symbol={cls.symbol} geometry={def.sublayer.geometry} ground={theme.land} />
                {domainString(locale, def.sublayer.title)}
                {cls.label && cls.label !== def.sublayer.title ? ` – ${domainString(locale, cls.label)}` : ''}
              </li>
            );
          })}
        </ul>
        {credits && (
          <p className="commune-credits" lang={locale === 'fr' ? undefined : 'fr'}>
            {credits}
          </p>
        )}
      </figcaption>
    </figure>
  );
}
