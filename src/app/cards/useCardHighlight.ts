// The open card's features: all of them (to frame and count) and those of sublayers still shown
// (drawn with a halo: a sublayer the reader hides again loses its halo too).
import { useMemo } from 'react';
import { findSublayer } from '../../../layers/index';
import type { BuiltCard } from '../../../layers/cards';
import type { LayerData } from '../data/useLayerData';
import { isSublayerShown, type Visibility } from '../state/visibility';
import { cardFeatures } from './card-features';

export function useCardHighlight(card: BuiltCard | null, data: LayerData, visibility: Visibility) {
  const linked = useMemo(() => cardFeatures(card, data), [card, data]);
  const highlighted = useMemo(
    () =>
      linked
        .filter((l) => {
          const found = findSublayer(l.sublayerId);
          return !!found && isSublayerShown(visibility, found.layer.id, l.sublayerId);
        })
        .flatMap((l) => l.features),
    [linked, visibility],
  );
  return { linked, highlighted };
}
