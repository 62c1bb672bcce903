// The open card's features: all of them (to frame and count) and those of sublayers still shown
// (drawn with a halo: a sublayer the reader hides again loses its halo too, and so does a class the
// legend filter hides).
import { useMemo } from 'react';
import { findSublayer } from '../../../layers/index';
import type { BuiltCard } from '../../../layers/cards';
import type { LayerData } from '../data/useLayerData';
import { themeClair } from '../../../layers/theme';
import { classOf } from '../map/classify';
import { isSublayerShown, shownClass, type Visibility } from '../state/visibility';
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
        .flatMap((l) => {
          const only = shownClass(visibility, l.sublayerId);
          const classes = only ? (findSublayer(l.sublayerId)?.sublayer.classes(themeClair) ?? []) : [];
          return only ? l.features.filter((f) => classOf(classes, f.properties ?? {})?.id === only) : l.features;
        }),
    [linked, visibility],
  );
  return { linked, highlighted };
}
