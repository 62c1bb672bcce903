// Registry of the thematic layers, in panel order. Definitions only (style, legend, popup): the
// pipeline rules live beside each definition in `pipeline.ts` and never reach the app bundle.
import type { LayerDefinition, SublayerDefinition } from './types';
import { communesLayer } from './communes/layer';
import { qpvLayer } from './qpv/layer';
import { captagesLayer } from './captages/layer';
import { parcsLayer } from './parcs/layer';
import { citesLayer } from './cites/layer';
import { ev5Layer } from './ev5/layer';
import { dechetsLayer } from './dechets/layer';
import { tvbLayer } from './tvb/layer';

export const layerDefinitions: LayerDefinition[] = [communesLayer, ev5Layer, parcsLayer, citesLayer, tvbLayer, qpvLayer, captagesLayer, dechetsLayer];

export function findSublayer(id: string): { layer: LayerDefinition; sublayer: SublayerDefinition } | undefined {
  for (const layer of layerDefinitions) {
    const sublayer = layer.sublayers.find((s) => s.id === id);
    if (sublayer) return { layer, sublayer };
  }
  return undefined;
}

/** Drawing order: low first. */
export const drawOrder = [...layerDefinitions].sort((a, b) => a.order - b.order);
