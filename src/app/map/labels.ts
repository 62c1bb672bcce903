// Commune labels with deck.gl's TextLayer: its font atlas is drawn locally on a canvas, so the
// offline basemap needs no glyph server. Overlaps are removed on the CPU, largest communes first.
import { TextLayer } from '@deck.gl/layers';
import { pointOnFeature } from '@turf/turf';
import type { Layer } from '@deck.gl/core';
import type { GeoFeature, Theme } from '../../../layers/types';

export interface CommuneLabel {
  name: string;
  position: [number, number];
  priority: number;
}

export const LABEL_SIZE = 13;
export const LABEL_FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

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

/** Keeps the labels whose estimated screen boxes do not overlap a higher-priority label. */
export function declutter(labels: CommuneLabel[], project: (p: [number, number]) => { x: number; y: number }): CommuneLabel[] {
  const kept: { label: CommuneLabel; x0: number; x1: number; y0: number; y1: number }[] = [];
  const pad = 4;
  for (const label of labels) {
    const { x, y } = project(label.position);
    const halfWidth = (label.name.length * LABEL_SIZE * 0.56) / 2 + pad;
    const halfHeight = LABEL_SIZE / 2 + pad;
    const box = { label, x0: x - halfWidth, x1: x + halfWidth, y0: y - halfHeight, y1: y + halfHeight };
    if (kept.every((k) => box.x1 < k.x0 || box.x0 > k.x1 || box.y1 < k.y0 || box.y0 > k.y1)) kept.push(box);
  }
  return kept.map((k) => k.label);
}

export function labelLayer(labels: CommuneLabel[], theme: Theme): Layer {
  return new TextLayer<CommuneLabel>({
    id: 'etiquettes-communes',
    data: labels,
    pickable: false,
    getText: (l) => l.name,
    getPosition: (l) => l.position,
    getSize: LABEL_SIZE,
    sizeUnits: 'pixels',
    getColor: theme.label,
    fontFamily: LABEL_FONT,
    fontWeight: 600,
    characterSet: 'auto',
    fontSettings: { sdf: true, fontSize: 48, buffer: 8, radius: 12 },
    outlineWidth: 5,
    outlineColor: theme.labelHalo,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    updateTriggers: { getColor: theme.id },
  });
}
