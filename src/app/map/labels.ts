// Commune labels, a MapLibre symbol layer: glyphs are drawn locally from the fonts of the system
// (no glyph server); MapLibre's collision removes overlaps, largest communes first.
import { pointOnFeature } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { GeoFeature, Rgba, Theme } from '../../../layers/types';

export interface CommuneLabel {
  name: string;
  position: [number, number];
  priority: number;
}

export const LABEL_SIZE = 12;
export const LABEL_FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** MapLibre's font stack for map names (drawn locally, see labelLayer). */
export const LABEL_FONTS = ['Segoe UI Semibold', 'Roboto Medium', 'Helvetica Neue', 'Arial'];

export function communeLabels(communes: GeoFeature[]): CommuneLabel[] {
  const labels: CommuneLabel[] = [];
  for (const feature of communes) {
    const name = feature.properties?.nom;
    if (typeof name !== 'string' || !feature.geometry) continue;
    const point = pointOnFeature(feature);
    const population = Number(feature.properties?.population);
    labels.push({
      name,
      position: point.geometry.coordinates as [number, number],
      priority: Number.isFinite(population) ? population : 0,
    });
  }
  return labels.sort((a, b) => b.priority - a.priority);
}

const rgba = ([r, g, b, a]: Rgba): string => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;

/**
 * Commune names are context: drawn in a grey between the text and its halo so the thematic marks
 * and names lead (docs/cartography.md, « Étiquettes »). The high-contrast theme keeps full contrast.
 */
export function communeLabelColour(theme: Theme): Rgba {
  const t = theme.id === 'contraste' ? 0 : 0.38;
  const mix = (k: number) => Math.round(theme.label[k] + (theme.labelHalo[k] - theme.label[k]) * t);
  return [mix(0), mix(1), mix(2), 255];
}

export const LABEL_SOURCE = 'etiquettes-communes';

/** Point features MapLibre places; larger communes win collisions (lower sort key first). */
export function labelCollection(labels: CommuneLabel[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: labels.map((l) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: l.position },
      properties: { nom: l.name, rang: -l.priority },
    })),
  };
}

/**
 * MapLibre draws the names itself from local fonts (the style has no `glyphs`: nothing is fetched,
 * offline stays offline); the first name gives the weight, `sans-serif` ends the list.
 */
export function labelLayer(theme: Theme, visible: boolean): LayerSpecification {
  return {
    id: LABEL_SOURCE,
    type: 'symbol',
    source: LABEL_SOURCE,
    layout: {
      visibility: visible ? 'visible' : 'none',
      'text-field': ['get', 'nom'],
      'text-font': LABEL_FONTS,
      'text-size': LABEL_SIZE,
      'symbol-sort-key': ['get', 'rang'],
      'text-padding': 4,
    },
    paint: { 'text-color': rgba(communeLabelColour(theme)), 'text-halo-color': rgba(theme.labelHalo), 'text-halo-width': 1.4 },
  };
}
