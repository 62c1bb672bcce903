// Which layers and sublayers are shown: defaults from the definitions, overridden by the URL.
import { layerDefinitions } from '../../../layers/index';
import { themeClair } from '../../../layers/theme';
import type { UrlState } from './url-state';

export interface Visibility {
  layers: Set<string>;
  sublayers: Set<string>;
  /**
   * Legend filter: sublayer id → the only class of it drawn (a click on a legend class). Absent or
   * without an entry for a sublayer: all its classes are drawn.
   */
  classes?: Readonly<Record<string, string>>;
}

export function defaultVisibility(): Visibility {
  return {
    layers: new Set(layerDefinitions.filter((l) => l.defaultVisible).map((l) => l.id)),
    sublayers: new Set(layerDefinitions.flatMap((l) => l.sublayers.filter((s) => s.defaultVisible).map((s) => s.id))),
  };
}

/** The class filter of an address, kept to known sublayers and their classes. */
export function classFilterFromUrl(url: UrlState): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [sublayerId, classId] of Object.entries(url.classes ?? {})) {
    const sublayer = layerDefinitions.flatMap((l) => l.sublayers).find((s) => s.id === sublayerId);
    // Class ids are the same in every theme: the light one names them.
    if (sublayer?.classes(themeClair).some((c) => c.id === classId)) out[sublayerId] = classId;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The one class of a sublayer the legend filter keeps, if any. */
export const shownClass = (v: Visibility, sublayerId: string): string | undefined => v.classes?.[sublayerId];

export function visibilityFromUrl(url: UrlState): Visibility {
  const defaults = defaultVisibility();
  const classes = classFilterFromUrl(url);
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
    ...(classes && { classes }),
  };
}

export const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** The URL carries only what differs from the defaults, in panel order (`explicit`: the lists always). */
export function visibilityToUrl(v: Visibility, explicit = false): Pick<UrlState, 'layers' | 'sublayers' | 'classes'> {
  const defaults = defaultVisibility();
  // Layer and sublayer ids overlap (communes, cites): each id once, in panel order.
  const order = [...new Set(layerDefinitions.flatMap((l) => [l.id, ...l.sublayers.map((s) => s.id)]))];
  const sorted = (set: Set<string>): string[] => order.filter((id) => set.has(id));
  return {
    layers: !explicit && sameSet(v.layers, defaults.layers) ? undefined : sorted(v.layers),
    sublayers: !explicit && sameSet(v.sublayers, defaults.sublayers) ? undefined : sorted(v.sublayers),
    classes: v.classes && Object.keys(v.classes).length ? { ...v.classes } : undefined,
  };
}

export function isSublayerShown(v: Visibility, layerId: string, sublayerId: string): boolean {
  return v.layers.has(layerId) && v.sublayers.has(sublayerId);
}
