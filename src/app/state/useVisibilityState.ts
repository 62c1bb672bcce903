// Which thematic layers and sublayers are shown: from the address at start, toggled in the panel,
// widened when a card or a feature needs its sublayer.
import { useCallback, useEffect, useState } from 'react';
import { findSublayer } from '../../../layers/index';
import type { BuiltCard } from '../../../layers/cards';
import { visibilityFromUrl, type Visibility } from './visibility';
import type { UrlState } from './url-state';

const toggled = (set: Set<string>, id: string, on: boolean): Set<string> => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

export function useVisibilityState(initialUrl: UrlState, card: BuiltCard | null) {
  const [visibility, setVisibility] = useState<Visibility>(() => visibilityFromUrl(initialUrl));

  // The card's sublayers are shown while it is open (the user may hide them again afterwards).
  useEffect(() => {
    if (!card) return;
    setVisibility((v) => {
      const layers = new Set(v.layers);
      const sublayers = new Set(v.sublayers);
      for (const link of card.links) {
        const found = findSublayer(link.sublayer);
        if (!found) continue;
        layers.add(found.layer.id);
        sublayers.add(link.sublayer);
      }
      return layers.size === v.layers.size && sublayers.size === v.sublayers.size ? v : { layers, sublayers };
    });
  }, [card]);

  const toggleLayer = useCallback((layerId: string, on: boolean) => setVisibility((v) => ({ ...v, layers: toggled(v.layers, layerId, on) })), []);
  const toggleSublayer = useCallback(
    (sublayerId: string, on: boolean) => setVisibility((v) => ({ ...v, sublayers: toggled(v.sublayers, sublayerId, on) })),
    [],
  );
  /** Shows a sublayer and its layer (a feature chosen in search or a table must be visible). */
  const showSublayer = useCallback(
    (layerId: string, sublayerId: string) =>
      setVisibility((v) => ({ layers: new Set(v.layers).add(layerId), sublayers: new Set(v.sublayers).add(sublayerId) })),
    [],
  );
  const followAddress = useCallback((url: UrlState) => setVisibility(visibilityFromUrl(url)), []);

  return { visibility, toggleLayer, toggleSublayer, showSublayer, followAddress };
}
