// Says what a toggle changed and how many features the map now shows in its view:
// "Couche « EuroVelo 5 » masquée : 412 entités visibles."
import { useEffect, useEffectEvent, useRef } from 'react';
import type { Bounds } from '../../../layers/types';
import { findSublayer, layerDefinitions } from '../../../layers/index';
import type { LayerData } from '../data/useLayerData';
import type { Visibility } from '../state/visibility';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { announce } from './announce';
import { countVisibleFeatures, singleChange } from './visible-count';

export function useVisibilityAnnouncer(visibility: Visibility, data: LayerData, view: () => Bounds | null): void {
  const { t, tn, locale } = useI18n();
  const previous = useRef<Visibility | null>(null);
  // Reads the latest data and view without making data arriving an announcement.
  const announceChange = useEffectEvent((before: Visibility) => {
    const change = singleChange(before, visibility);
    if (!change) return;
    const title = change.kind === 'layer' ? layerDefinitions.find((l) => l.id === change.id)?.title : findSublayer(change.id)?.sublayer.title;
    const what = t(
      change.kind === 'layer' ? (change.on ? 'a11y.layerShown' : 'a11y.layerHidden') : change.on ? 'a11y.sublayerShown' : 'a11y.sublayerHidden',
      { title: domainString(locale, title ?? change.id) },
    );
    const count = countVisibleFeatures(visibility, data, view());
    announce(`${what}${t('ui.colon')}${tn('a11y.visibleCount', count)}`);
  });
  // Only a change of visibility is announced, not data arriving.
  useEffect(() => {
    const before = previous.current;
    previous.current = visibility;
    if (before) announceChange(before);
  }, [visibility]);
}
