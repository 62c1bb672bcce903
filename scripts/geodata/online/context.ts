// What the online readers need from the sources already acquired in this run: the territory's box
// (the query window) and which sources are present (a fallback is skipped when its betters came).
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Bounds } from '../../../layers/types';
import type { Acquired } from '../acquire';

export function onlineContext(acquired: Map<string, Acquired>): { queryBounds: () => Bounds | null; available: (id: string) => boolean } {
  return {
    queryBounds() {
      const territory = acquired.get('territoire');
      if (!territory) return null;
      try {
        const b = bbox(JSON.parse(new TextDecoder().decode(territory.bytes)) as FeatureCollection);
        return [b[0], b[1], b[2], b[3]];
      } catch {
        return null;
      }
    },
    available: (id) => acquired.has(id),
  };
}
