// Which layers and sublayers are shown: defaults from the definitions, overridden by the URL.
import { layerDefinitions } from '../../../layers/index';
import type { UrlState } from './url-state';

export interface Visibility {
  layers: Set<string>;
  sublayers: Set<string>;
}

export function defaultVisibility(): Visibility {
  return {
    layers: new Set(layerDefinitions.filter((l) => l.defaultVisible).map((l) => l.id)),
    sublayers: new Set(layerDefinitions.flatMap((l) => l.sublayers.filter((s) => s.defaultVisible).map((s) => s.id))),
  };
}

export function visibilityFromUrl(url: UrlState): Visibility {
  const defaults = defaultVisibility();
  const known = (ids: string[], all: string[]): Set<string> => new Set(ids.filter((id) => all.includes(id)));
  return {
    layers: url.layers
      ? known(
          url.layers,
          layerDefinitions.map((l) => l.id),
        )
      : defaults.layers,
    sublayers: url.sublayers
      ? known(
          url.sublayers,
          layerDefinitions.flatMap((l) => l.sublayers.map((s) => s.id)),
        )
      : defaults.sublayers,
  };
}

const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** The URL carries only what differs from the defaults, in panel order. */
export function visibilityToUrl(v: Visibility): Pick<UrlState, 'layers' | 'sublayers'> {
  const defaults = defaultVisibility();
  // Layer and sublayer ids overlap (communes, cites): each id once, in panel order.
  const order = [...new Set(layerDefinitions.flatMap((l) => [l.id, ...l.sublayers.map((s) => s.id)]))];
  const sorted = (set: Set<string>): string[] => order.filter((id) => set.has(id));
  return {
    layers: sameSet(v.layers, defaults.layers) ? undefined : sorted(v.layers),
    sublayers: sameSet(v.sublayers, defaults.sublayers) ? undefined : sorted(v.sublayers),
  };
}

export function isSublayerShown(v: Visibility, layerId: string, sublayerId: string): boolean {
  return v.layers.has(layerId) && v.sublayers.has(sublayerId);
}
