// Frames the open card's features on the map once they are loaded. Asked when a card is opened,
// or by an address naming a card but no camera (an address with a camera keeps its view).
import { useCallback, useEffect, useState } from 'react';
import type { BuiltCard } from '../../../layers/cards';
import type { Bounds } from '../../../layers/types';
import type { CameraRequest, Insets } from '../map/MapView';
import { featuresBounds, type LinkedFeatures } from './card-features';

interface CardFramingInput {
  /** Frame as soon as possible after the first render (address with a card, no camera). */
  initially: boolean;
  /** False while the map is not shown (full page): requests wait. */
  mapShown: boolean;
  cardsLoading: boolean;
  card: BuiltCard | null;
  settled: boolean;
  linked: LinkedFeatures[];
  /** Framed when the card has nothing on the map (the territory): a slide must not keep the last card's view. */
  fallback: Bounds | null;
  /** Map edges covered by panels at the time of the move. */
  insets: () => Insets | undefined;
  onCameraRequest: (request: CameraRequest) => void;
}

/** Returns the function that asks for framing. */
export function useCardFraming({
  initially,
  mapShown,
  cardsLoading,
  card,
  settled,
  linked,
  fallback,
  insets,
  onCameraRequest,
}: CardFramingInput): () => void {
  const [request, setRequest] = useState<number | null>(initially ? 1 : null);
  useEffect(() => {
    if (request === null || !mapShown) return;
    if (!cardsLoading && !card) return setRequest(null);
    if (!card || !settled) return;
    const bounds = featuresBounds(linked) ?? fallback;
    if (bounds) onCameraRequest({ bounds, key: Date.now(), insets: insets() });
    setRequest(null);
  }, [request, mapShown, cardsLoading, card, settled, linked, fallback, insets, onCameraRequest]);
  return useCallback(() => setRequest(Date.now()), []);
}
