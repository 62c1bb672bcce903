// The story's map: the atlas map (MapView) showing the current chapter's layers, framed on its
// features. It illustrates the text and never takes the reader's scroll or keys: it is inert (no
// focus, no pointer: the wheel and a finger scroll the story), its zoom controls hidden, and its
// wheel zoom and keyboard handlers off. What it shows is said in the caption and in the chapter.
import { useEffect, useMemo } from 'react';
import type { BuiltCard } from '../../../layers/cards';
import type { Catalog, Theme } from '../../../layers/types';
import { findSublayer } from '../../../layers/index';
import { DEFAULT_BASEMAP } from '../../core/map-style/basemaps';
import type { LayerData } from '../data/useLayerData';
import { MapView, type CameraRequest } from '../map/MapView';
import { getLiveMap } from '../map/live-map';
import { useCardHighlight } from '../cards/useCardHighlight';
import { Attribution } from '../ui/Attribution';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { chapterBounds, chapterVisibility } from './chapters';

interface StoryMapProps {
  catalog: Catalog;
  theme: Theme;
  data: LayerData;
  settled: boolean;
  /** The chapter being read, or null before the first one. */
  card: BuiltCard | null;
}

const NO_SELECTION = () => {};

export function StoryMap({ catalog, theme, data, settled, card }: StoryMapProps) {
  const { t, locale } = useI18n();
  const visibility = useMemo(() => chapterVisibility(card), [card]);
  const { highlighted } = useCardHighlight(card, data, visibility);
  const bounds = chapterBounds(card, data, catalog.territory.bounds);
  // A new request only when the chapter or its bounds change (data arriving may refine them); the
  // chapter is part of the key so that a chapter re-frames even on the bounds of the previous one.
  // MapView moves without flight for readers who asked for reduced motion.
  const requestKey = `${card?.id ?? ''}|${bounds.join(',')}`;
  const request = useMemo<CameraRequest>(
    () => ({ bounds: requestKey.split('|')[1].split(',').map(Number) as [number, number, number, number], key: Date.now() }),
    [requestKey],
  );

  useEffect(() => {
    const map = getLiveMap()?.map;
    if (!map) return;
    map.scrollZoom.disable();
    map.keyboard.disable();
    map.doubleClickZoom.disable();
    map.getCanvas().tabIndex = -1;
  }, []);

  const shown = [...visibility.sublayers]
    .map((id) => findSublayer(id))
    .filter((f) => !!f && visibility.layers.has(f.layer.id))
    .map((f) => domainString(locale, f!.sublayer.title));

  return (
    <div className="story-map-frame">
      <div className="story-map" inert>
        <MapView
          catalog={catalog}
          theme={theme}
          data={data}
          settled={settled}
          visibility={visibility}
          basemap={DEFAULT_BASEMAP}
          selection={null}
          cardFeatures={highlighted}
          cameraRequest={request}
          onSelect={NO_SELECTION}
          onCameraChange={NO_SELECTION}
        />
      </div>
      <p className="story-map-caption">{t('story.mapCaption', { layers: shown.join(', ') })}</p>
      <Attribution catalog={catalog} visibility={visibility} basemap={DEFAULT_BASEMAP} />
    </div>
  );
}
