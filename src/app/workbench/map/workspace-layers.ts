// deck.gl layers for the workspace: one GeoJsonLayer per visible item over its binary attributes
// (computed in the worker), drawn above the thematic layers in the items' order.
import { GeoJsonLayer } from '@deck.gl/layers';
import { PathStyleExtension } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { BinaryFeatureCollection } from '../../../core/codec/binary';
import type { WorkspaceItem } from '../../../core/types';
import { outlinesShown } from '../items';

export const WORKSPACE_LAYER_PREFIX = 'espace:';
const DASH = new PathStyleExtension({ dash: true });

/** Picking reports the top-level (composite) layer: its id names the workspace item. */
export function itemIdFromDeckLayer(deckLayerId: string): string | null {
  return deckLayerId.startsWith(WORKSPACE_LAYER_PREFIX) ? deckLayerId.slice(WORKSPACE_LAYER_PREFIX.length) : null;
}

export function workspaceDeckLayers(items: WorkspaceItem[], binaries: Record<string, BinaryFeatureCollection>): Layer[] {
  return [...items]
    .sort((a, b) => a.order - b.order)
    .filter((item) => binaries[item.id])
    .map((item) => {
      const [r, g, b] = item.colour;
      const alpha = Math.round(item.opacity * 255);
      // Result zones are outlined with dashes and a light fill: what lies under them stays readable.
      const isResult = item.kind === 'resultat';
      return new GeoJsonLayer({
        id: `${WORKSPACE_LAYER_PREFIX}${item.id}`,
        data: binaries[item.id] as never,
        visible: item.visible,
        pickable: true,
        stroked: outlinesShown(item),
        filled: true,
        getFillColor: [r, g, b, Math.round(alpha * (isResult ? 0.18 : 0.35))],
        getLineColor: [r, g, b, alpha],
        getLineWidth: isResult ? 2.5 : 2,
        lineWidthUnits: 'pixels',
        lineWidthMinPixels: 2,
        pointType: 'circle',
        getPointRadius: 5,
        pointRadiusUnits: 'pixels',
        pointRadiusMinPixels: 4,
        getDashArray: isResult ? [6, 3] : [0, 0],
        dashJustified: true,
        // Dashes only on result zones (a few features): the dash shader costs about four times a plain
        // stroke per frame, which made a 20,000-parcel import take seconds per frame on software GL.
        extensions: isResult ? [DASH] : [],
        updateTriggers: { getFillColor: [item.colour, item.opacity], getLineColor: [item.colour, item.opacity] },
      });
    });
}
