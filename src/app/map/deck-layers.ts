// Generic renderer: one sublayer definition + its features + a theme -> deck.gl layers. Styles
// come only from `SublayerDefinition.classes(theme)`; nothing here knows a particular layer.
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { FillStyleExtension, PathStyleExtension } from '@deck.gl/extensions';
import type { FillStyleExtensionProps, PathStyleExtensionProps } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { Point } from 'geojson';
import { area } from '@turf/turf';
import type { GeoFeature, Rgba, SublayerDefinition, SymbolStyle, Theme } from '../../../layers/types';
import { isOutlineOnly, symbolsByFeature } from './classify';
import { patternAtlas } from './patterns';
import { buildMarkerAtlas, markerKey, markerPixelSize, type MarkerAtlas } from './markers';

// Extensions are stateless descriptors: one instance each keeps deck from re-initialising layers.
const fillStyle = new FillStyleExtension({ pattern: true });
const pathStyle = new PathStyleExtension({ dash: true });

const PREFIX = 'thematique:';

export const deckLayerId = (sublayerId: string): string => `${PREFIX}${sublayerId}`;
/** `thematique:<sublayer>` or `thematique:<sublayer>:<part>` -> sublayer id. */
export const sublayerIdFromDeckLayer = (id: string): string | null => (id.startsWith(PREFIX) ? id.slice(PREFIX.length).split(':')[0] : null);

const TRANSPARENT: Rgba = [0, 0, 0, 0];
const NO_DASH: [number, number] = [0, 0];

/** SymbolStyle dashes are in line widths; PathStyleExtension's default unit is half a width. */
const dashOf = (s: SymbolStyle): [number, number] => (s.dash ? [s.dash[0] * 2, s.dash[1] * 2] : NO_DASH);

export interface SublayerInput {
  sublayer: SublayerDefinition;
  features: GeoFeature[];
  theme: Theme;
}

type StyledProps = FillStyleExtensionProps<GeoFeature> & PathStyleExtensionProps<GeoFeature>;

function areaOrLineLayer({ sublayer, features, theme }: SublayerInput, outlineOnly: boolean): Layer {
  const symbols = symbolsByFeature(features, sublayer.classes(theme));
  const sym = (f: GeoFeature): SymbolStyle => symbols.get(f)?.symbol ?? { line: theme.label, lineWidth: 1 };
  const atlas = patternAtlas();
  const patterned = (s: SymbolStyle): boolean => !!s.pattern && s.pattern !== 'plein';
  return new GeoJsonLayer<Record<string, unknown>, StyledProps>({
    // Outline-only polygons: the stroke here, the click surface in their base layer (pickBaseLayer).
    id: outlineOnly ? `${deckLayerId(sublayer.id)}:contour` : deckLayerId(sublayer.id),
    data: features,
    pickable: true,
    filled: sublayer.geometry === 'polygon' && !outlineOnly,
    stroked: true,
    // Patterned fills: the pattern is drawn in the outline colour over the translucent fill.
    getFillColor: (f) => {
      const s = sym(f as GeoFeature);
      if (patterned(s)) return [s.line[0], s.line[1], s.line[2], 215];
      return s.fill ?? TRANSPARENT;
    },
    getFillPatternBackgroundColor: (f: GeoFeature) => {
      const s = sym(f);
      return patterned(s) && s.fill ? s.fill : TRANSPARENT;
    },
    getFillPattern: (f: GeoFeature) => (patterned(sym(f)) ? (sym(f).pattern as string) : 'plein'),
    fillPatternAtlas: atlas.canvas,
    fillPatternMapping: atlas.mapping,
    fillPatternMask: true,
    fillPatternSizeUnits: 'pixels',
    getLineColor: (f) => sym(f as GeoFeature).line,
    getLineWidth: (f) => sym(f as GeoFeature).lineWidth,
    lineWidthUnits: 'pixels',
    lineJointRounded: true,
    lineCapRounded: sublayer.geometry === 'line',
    getDashArray: (f: GeoFeature) => dashOf(sym(f)),
    dashJustified: true,
    dashGapPickable: true,
    extensions: [fillStyle, pathStyle],
    updateTriggers: {
      getFillColor: theme.id,
      getLineColor: theme.id,
      getFillPatternBackgroundColor: theme.id,
    },
  });
}

function pointLayers({ sublayer, features, theme }: SublayerInput, markers: MarkerAtlas): Layer[] {
  const symbols = symbolsByFeature(features, sublayer.classes(theme));
  const fallback: SymbolStyle = { line: theme.label, lineWidth: 1, marker: 'cercle', markerSize: 10 };
  const sym = (f: GeoFeature): SymbolStyle => symbols.get(f)?.symbol ?? fallback;
  const layers: Layer[] = [];
  const radiusOf = sublayer.uncertaintyMetres;
  if (radiusOf) {
    const uncertain = features.filter((f) => f.geometry?.type === 'Point' && (radiusOf(f.properties ?? {}) ?? 0) > 0);
    layers.push(
      new ScatterplotLayer<GeoFeature, PathStyleExtensionProps<GeoFeature>>({
        id: `${deckLayerId(sublayer.id)}:incertitude`,
        data: uncertain,
        pickable: false,
        getPosition: (f) => (f.geometry as Point).coordinates as [number, number],
        getRadius: (f) => radiusOf(f.properties ?? {}) ?? 0,
        radiusUnits: 'meters',
        filled: true,
        stroked: true,
        getFillColor: (f) => {
          const c = sym(f).fill ?? sym(f).line;
          return [c[0], c[1], c[2], 28];
        },
        getLineColor: (f) => {
          const c = sym(f).fill ?? sym(f).line;
          return [c[0], c[1], c[2], 200];
        },
        lineWidthUnits: 'pixels',
        getLineWidth: 1.5,
        getDashArray: [4, 3],
        extensions: [pathStyle],
        updateTriggers: { getFillColor: theme.id, getLineColor: theme.id },
      }),
    );
  }
  layers.push(
    new GeoJsonLayer<Record<string, unknown>>({
      id: deckLayerId(sublayer.id),
      data: features,
      pickable: true,
      pointType: 'icon',
      iconAtlas: markers.canvas,
      iconMapping: markers.mapping,
      getIcon: (f: GeoFeature) => markerKey(sym(f as GeoFeature)),
      getIconSize: (f) => markerPixelSize(sym(f as GeoFeature)),
      iconSizeUnits: 'pixels',
      updateTriggers: { getIcon: theme.id },
    }),
  );
  return layers;
}

/** Marker atlas for every point class of the given sublayers. */
export function markerAtlasFor(sublayers: SublayerDefinition[], theme: Theme): MarkerAtlas {
  const symbols = sublayers.filter((s) => s.geometry === 'point').flatMap((s) => s.classes(theme).map((c) => c.symbol));
  return buildMarkerAtlas(symbols);
}

/** Invisible (alpha 1/255, below any visible change) but pickable fill of outline-only polygons. */
function pickBaseLayer({ sublayer, features }: SublayerInput): Layer {
  return new GeoJsonLayer<Record<string, unknown>>({
    id: deckLayerId(sublayer.id),
    data: features,
    pickable: true,
    filled: true,
    stroked: false,
    getFillColor: [0, 0, 0, 1],
  });
}

export interface SublayerLayers {
  /** Pick-only base, drawn under all thematic layers, largest features first (territory, then communes). */
  base: { layer: Layer; meanAreaM2: number } | null;
  layers: Layer[];
}

export function sublayerDeckLayers(input: SublayerInput, markers: MarkerAtlas): SublayerLayers {
  if (input.sublayer.geometry === 'point') return { base: null, layers: pointLayers(input, markers) };
  const outlineOnly = isOutlineOnly(input.sublayer, input.theme);
  const layers = [areaOrLineLayer(input, outlineOnly)];
  if (!outlineOnly) return { base: null, layers };
  const meanAreaM2 = input.features.reduce((sum, f) => sum + area(f), 0) / Math.max(1, input.features.length);
  return { base: { layer: pickBaseLayer(input), meanAreaM2 }, layers };
}
