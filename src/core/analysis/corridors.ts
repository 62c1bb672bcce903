// What a project crosses in the trame verte et bleue, counted as a planner says it: « votre projet
// coupe 2 continuités vertes et 1 cours d'eau ». Pure: reads the buffer analysis' hits.
import { BLUE_LINES, BLUE_SURFACES, GREEN_IDS, SRCE } from '../../../layers/tvb/layer';
import type { SublayerHit } from '../types';

export interface CorridorCrossings {
  /** Green features touched (néo-natural spaces, terrils, cavaliers, regional corridors). */
  green: number;
  /** Watercourses and canals touched, one per name (the tronçons of one river count once). */
  watercourses: number;
  waterBodies: number;
  /** False when this build had no water network: the watercourses count says nothing then. */
  blueKnown: boolean;
}

/** Null when the analysis had no corridor layer (e.g. data built before the layer existed). */
export function corridorCrossings(hits: SublayerHit[]): CorridorCrossings | null {
  const tvb = hits.filter((h) => h.layerId === 'tvb');
  if (tvb.length === 0) return null;
  const count = (ids: readonly string[]) => tvb.filter((h) => ids.includes(h.sublayerId)).reduce((n, h) => n + h.count, 0);
  const blue = tvb.find((h) => h.sublayerId === BLUE_LINES)?.features ?? [];
  return {
    green: count([...GREEN_IDS, SRCE]),
    watercourses: new Set(blue.map((f) => f.name)).size,
    waterBodies: count([BLUE_SURFACES]),
    blueKnown: tvb.some((h) => h.sublayerId === BLUE_LINES || h.sublayerId === BLUE_SURFACES),
  };
}
