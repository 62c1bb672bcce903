// The waste treatment site nearest to a commune, as the crow flies from its reference point: the
// same measure as the Déchets layer's distance metric, with the site's location accuracy.
import { distance } from '@turf/turf';
import type { Feature, Point } from 'geojson';
import type { NearestSite } from '../../../layers/commune-profile';
import { round } from '../../../layers/metrics';
import type { GeoFeature } from '../../../layers/types';
import type { ProfileContext } from './context';

/** `km` is not rounded here: the nearest site is chosen on exact distances. */
export function nearestWasteSite({ place }: ProfileContext, refPoint: Feature<Point>): NearestSite | null {
  let nearest: NearestSite | null = null;
  for (const p of place('dechets-etablissements')) {
    if (p.feature.geometry?.type !== 'Point') continue;
    const km = distance(refPoint, p.feature as GeoFeature & { geometry: Point }, { units: 'kilometers' });
    if (nearest && nearest.km <= km) continue;
    const pr = p.feature.properties;
    const precisionM = Number(pr.precision_m ?? 0);
    nearest = {
      name: String(pr.nom ?? ''),
      commune: String(pr.commune ?? ''),
      km,
      precisionM,
      precision: String(pr.precision ?? ''),
      precisionText: String(pr.precision_texte ?? ''),
      plusMinusKm: round(precisionM / 1000, 1),
      feature: { sublayer: 'dechets-etablissements', index: p.index, name: String(pr.nom ?? '') },
      position: (p.feature.geometry as Point).coordinates.slice(0, 2) as [number, number],
    };
  }
  return nearest;
}
