// MapLibre style layers generated from a sublayer's style classes (Protomaps-style: a style is code
// run over a theme). One MapLibre layer per class and per part (fill, pattern, outline, icon), so
// every paint value is a constant and `layers/*/layer.ts` stays the single definition; the class of
// each feature is decided in JS (see data.ts) and stored as the `c` property the filters read.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Rgba, SublayerDefinition, SymbolStyle, Theme } from '../../../../layers/types';
import { isOutlineOnly } from '../classify';
import { markerImageId, patternImageId } from './images';
import { markSymbol } from './data';
import { LABEL_FONTS } from '../labels';

const PREFIX = 'thematique:';

/** Source of a sublayer's features (and of its uncertainty circles). */
export const thematicSourceId = (sublayerId: string): string => `${PREFIX}${sublayerId}`;
export const uncertaintySourceId = (sublayerId: string): string => `${PREFIX}${sublayerId}:incertitude`;
export const markSourceId = (sublayerId: string): string => `${PREFIX}${sublayerId}:repere`;

/** `thematique:<sublayer>:<part>` -> sublayer id. */
export const sublayerIdFromLayer = (id: string): string | null => (id.startsWith(PREFIX) ? id.slice(PREFIX.length).split(':')[0] : null);

/** Layers never picked: uncertainty circles tell where a site may be, they are not the site. */
export const isPickableLayer = (id: string): boolean => id.startsWith(PREFIX) && !id.includes(':incertitude-');

export const rgba = ([r, g, b, a]: Rgba): string => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;

const ofClass = (k: number): ExpressionSpecification => ['==', ['get', 'c'], k];
const patterned = (s: SymbolStyle): boolean => !!s.pattern && s.pattern !== 'plein';

export interface SublayerStyleInput {
  sublayer: SublayerDefinition;
  theme: Theme;
  visible: boolean;
  /** The sublayer has uncertainty circles to draw. */
  uncertainty: boolean;
  /** Legend filter: index of the only class drawn (and picked); absent: every class. */
  onlyClass?: number;
}

/** A class's layers are drawn when the sublayer is and the legend filter keeps the class. */
const classVisibility = ({ visible, onlyClass }: SublayerStyleInput, k: number): 'visible' | 'none' =>
  visible && (onlyClass === undefined || onlyClass === k) ? 'visible' : 'none';

/**
 * Invisible but pickable fill of outline-only polygons (communes, territory): a click on empty
 * ground names the smallest enclosing unit. Drawn under every other thematic layer.
 */
export function pickBaseLayer(sublayerId: string, visible: boolean, onlyClass?: number): LayerSpecification {
  return {
    id: `${PREFIX}${sublayerId}:base`,
    type: 'fill',
    source: thematicSourceId(sublayerId),
    // The legend filter: a hidden class is not picked either.
    ...(onlyClass !== undefined && { filter: ofClass(onlyClass) }),
    layout: { visibility: visible ? 'visible' : 'none' },
    // Alpha 0: nothing drawn, yet queryRenderedFeatures still finds the polygons.
    paint: { 'fill-color': 'rgba(0, 0, 0, 0)', 'fill-antialias': false },
  };
}

function areaOrLineLayers(input: SublayerStyleInput): LayerSpecification[] {
  const { sublayer, theme } = input;
  const classes = sublayer.classes(theme);
  const source = thematicSourceId(sublayer.id);
  const fills: LayerSpecification[] = [];
  const lines: LayerSpecification[] = [];
  const polygon = sublayer.geometry === 'polygon';
  classes.forEach(({ symbol: s }, k) => {
    const visibility = classVisibility(input, k);
    const id = `${PREFIX}${sublayer.id}`;
    const filter = ofClass(k);
    if (polygon && s.fill && s.fill[3] > 0) {
      fills.push({ id: `${id}:fond-${k}`, type: 'fill', source, filter, layout: { visibility }, paint: { 'fill-color': rgba(s.fill) } });
    }
    if (polygon && patterned(s)) {
      // The pattern is drawn in the outline colour over the translucent fill: a second channel
      // that tells classes apart without colour.
      fills.push({ id: `${id}:motif-${k}`, type: 'fill', source, filter, layout: { visibility }, paint: { 'fill-pattern': patternImageId(s) } });
    }
    const dashed = !!s.dash;
    lines.push({
      id: `${id}:contour-${k}`,
      type: 'line',
      source,
      filter: ofClass(k),
      // Round caps would fill the gaps of short dashes: dashed strokes keep butt caps.
      layout: { visibility, 'line-join': 'round', 'line-cap': !polygon && !dashed ? 'round' : 'butt' },
      paint: { 'line-color': rgba(s.line), 'line-width': s.lineWidth, ...(s.dash ? { 'line-dasharray': [s.dash[0], s.dash[1]] } : {}) },
    });
  });
  return [...fills, ...lines];
}

function pointLayers(input: SublayerStyleInput): LayerSpecification[] {
  const { sublayer, theme, uncertainty } = input;
  const classes = sublayer.classes(theme);
  const out: LayerSpecification[] = [];
  if (uncertainty) {
    const source = uncertaintySourceId(sublayer.id);
    classes.forEach(({ symbol: s }, k) => {
      const visibility = classVisibility(input, k);
      const c = s.fill ?? s.line;
      out.push(
        {
          id: `${PREFIX}${sublayer.id}:incertitude-fond-${k}`,
          type: 'fill',
          source,
          filter: ofClass(k),
          layout: { visibility },
          paint: { 'fill-color': rgba([c[0], c[1], c[2], 28]) },
        },
        {
          id: `${PREFIX}${sublayer.id}:incertitude-contour-${k}`,
          type: 'line',
          source,
          filter: ofClass(k),
          layout: { visibility },
          // A dashed ring: the position is approximate, not a boundary.
          paint: { 'line-color': rgba([c[0], c[1], c[2], 200]), 'line-width': 1.5, 'line-dasharray': [4 / 1.5, 3 / 1.5] },
        },
      );
    });
  }
  classes.forEach(({ symbol: s }, k) => {
    const visibility = classVisibility(input, k);
    out.push({
      id: `${PREFIX}${sublayer.id}:icone-${k}`,
      type: 'symbol',
      source: thematicSourceId(sublayer.id),
      filter: ofClass(k),
      // Every site is shown, overlapping or not, as deck.gl did: a hidden site would be a lie.
      layout: { visibility, 'icon-image': markerImageId(s), 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    });
  });
  return out;
}

/** Every MapLibre layer of one sublayer, bottom first (the pick base, if any, is returned apart). */
export function sublayerStyle(input: SublayerStyleInput): { base: LayerSpecification | null; layers: LayerSpecification[] } {
  if (input.sublayer.geometry === 'point') return { base: null, layers: pointLayers(input) };
  const base = isOutlineOnly(input.sublayer, input.theme) ? pickBaseLayer(input.sublayer.id, input.visible, input.onlyClass) : null;
  return { base, layers: areaOrLineLayers(input) };
}

/** Text size of thematic marks' names: above the communes' names in rank, not in size. */
export const MARK_TEXT_SIZE = 12;

/**
 * Marks of a polygon sublayer's marked classes, at each feature's label point, with the sublayer's
 * text beside them. Placed above the commune names (see sync.ts): MapLibre places the higher layer
 * first, so the thematic name wins a collision and the commune name gives way, never overlaps.
 */
export function markLayers({ sublayer, theme, visible }: SublayerStyleInput): LayerSpecification[] {
  const visibility = visible ? 'visible' : 'none';
  const out: LayerSpecification[] = [];
  sublayer.classes(theme).forEach(({ symbol: s }, k) => {
    if (!s.marker) return;
    out.push({
      id: `${PREFIX}${sublayer.id}:repere-${k}`,
      type: 'symbol',
      source: markSourceId(sublayer.id),
      filter: ofClass(k),
      layout: {
        visibility,
        'icon-image': markerImageId(markSymbol(s, theme)),
        // Every mark is shown (a hidden one would be a lie) and keeps the names below off it.
        'icon-allow-overlap': true,
        'text-field': ['get', 't'],
        'text-font': LABEL_FONTS,
        'text-size': MARK_TEXT_SIZE,
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-max-width': 9,
        'text-optional': true,
        'text-padding': 3,
      },
      paint: { 'text-color': rgba(theme.label), 'text-halo-color': rgba(theme.labelHalo), 'text-halo-width': 1.6 },
    });
  });
  return out;
}
