// Buffer + intersect: what a planner's corridor (or any feature) touches in the thematic layers.
// Pure and isomorphic (runs in the workbench's worker and in unit tests). Lengths and areas come
// from layers/metrics.ts: the same functions as the report cards.
import { bbox, booleanIntersects, buffer, featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { areaHa, areaPartsInside, clipLines, lengthKm, localPart, type AreaFeature } from '../../../layers/metrics';
import type { GeoFeature, GeometryKind } from '../../../layers/types';
import type { AnalysisSummary, SublayerHit } from '../types';

/** Buffers wider than this stop being a corridor study (and get slow): the UI says so. */
export const MAX_BUFFER_M = 50_000;
/** Above this many source features the union of their buffers is too slow for an interactive tool. */
export const MAX_SOURCE_FEATURES = 20_000;

export interface ThematicInput {
  layerId: string;
  sublayerId: string;
  title: string;
  geometry: GeometryKind;
  nameField: string;
  features: GeoFeature[];
}

export class AnalysisError extends Error {}

/** The union of the buffers of every feature, as one (Multi)Polygon. */
export function bufferUnion(features: GeoFeature[], distanceM: number): AreaFeature {
  if (!(distanceM >= 1 && distanceM <= MAX_BUFFER_M))
    throw new AnalysisError(`La distance doit être comprise entre 1 m et ${MAX_BUFFER_M / 1000} km (reçu : ${distanceM} m).`);
  if (features.length > MAX_SOURCE_FEATURES)
    throw new AnalysisError(
      `La couche compte ${features.length} entités : la zone tampon est limitée à ${MAX_SOURCE_FEATURES} entités. Choisissez une entité de la couche ou filtrez-la avant l'import.`,
    );
  const polygons: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of features) {
    if (!f.geometry) continue;
    const b = buffer(f, distanceM, { units: 'meters' });
    if (!b) continue;
    if (b.geometry.type === 'Polygon' || b.geometry.type === 'MultiPolygon') polygons.push(b);
  }
  if (polygons.length === 0) throw new AnalysisError('Aucune géométrie exploitable : la zone tampon est vide.');
  const merged = polygons.length === 1 ? polygons[0] : union(featureCollection(polygons));
  if (!merged) throw new AnalysisError('La fusion des zones tampons a échoué : la géométrie source est peut-être invalide.');
  return { type: 'Feature', geometry: merged.geometry, properties: {} };
}

const boxesOverlap = (a: number[], b: number[]): boolean => !(a[0] > b[2] || a[2] < b[0] || a[1] > b[3] || a[3] < b[1]);

function displayName(f: GeoFeature, nameField: string, index: number): string {
  const v = f.properties?.[nameField];
  if (v !== null && v !== undefined && v !== '') return String(v);
  return index >= 0 ? `entité n° ${index + 1}` : 'sans nom';
}

/** Which features of one thematic sublayer the zone touches, and their length and area inside it. */
export function sublayerHit(zone: AreaFeature, input: ThematicInput): { hit: SublayerHit; pieces: GeoFeature[] } {
  const zoneBox = bbox(zone);
  const touched: { index: number; feature: GeoFeature }[] = [];
  input.features.forEach((feature, index) => {
    if (!feature.geometry || !boxesOverlap(bbox(feature), zoneBox)) return;
    const local = localPart(zone, feature);
    if (local && booleanIntersects(feature, local)) touched.push({ index, feature });
  });
  const features = touched.map((t) => t.feature);
  const lines = input.geometry === 'line' ? clipLines(features, zone) : [];
  const areas = input.geometry === 'polygon' ? areaPartsInside(features, zone) : [];
  const pointsInside = input.geometry === 'point' ? features : [];
  // Clipped pieces keep their feature's properties, hence its name.
  const label = (f: GeoFeature) => displayName(f, input.nameField, -1);
  const tag = (f: GeoFeature, extra: Record<string, unknown>): GeoFeature => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { couche: input.title, sous_couche: input.sublayerId, nom: label(f), ...extra },
  });
  const pieces = [
    ...lines.map((l) => tag(l as GeoFeature, { longueur_km: Math.round(lengthKm([l as GeoFeature]) * 1000) / 1000 })),
    ...areas.map((a) => tag(a as GeoFeature, { surface_ha: Math.round(areaHa([a as GeoFeature]) * 100) / 100 })),
    ...pointsInside.map((p) => tag(p, {})),
  ];
  return {
    hit: {
      layerId: input.layerId,
      sublayerId: input.sublayerId,
      title: input.title,
      count: touched.length,
      features: touched.map((t) => ({ index: t.index, name: displayName(t.feature, input.nameField, t.index) })),
      lengthKm: input.geometry === 'line' ? lengthKm(lines as GeoFeature[]) : null,
      areaHa: input.geometry === 'polygon' ? areaHa(areas as GeoFeature[]) : null,
    },
    pieces,
  };
}

export interface AnalysisOutput {
  summary: AnalysisSummary;
  /** The zone first, then the touched thematic features clipped to it: a layer of its own. */
  features: GeoFeature[];
}

/**
 * Buffers the source features by `distanceM` and intersects the zone with every thematic sublayer.
 * `onProgress` gets the fraction done after each sublayer.
 */
export function analyseBuffer(
  sourceFeatures: GeoFeature[],
  distanceM: number,
  thematic: ThematicInput[],
  source: AnalysisSummary['source'],
  onProgress?: (fraction: number, stage: string) => void,
): AnalysisOutput {
  onProgress?.(0, 'zone tampon');
  const zone = bufferUnion(sourceFeatures, distanceM);
  const bufferAreaHa = areaHa([zone as GeoFeature]);
  const hits: SublayerHit[] = [];
  const pieces: GeoFeature[] = [];
  thematic.forEach((input, i) => {
    onProgress?.((i + 1) / (thematic.length + 1), input.title);
    const { hit, pieces: p } = sublayerHit(zone, input);
    hits.push(hit);
    pieces.push(...p);
  });
  onProgress?.(1, 'terminé');
  const zoneFeature: GeoFeature = {
    type: 'Feature',
    geometry: zone.geometry,
    properties: {
      couche: 'Zone tampon',
      nom: `${source.name} — ${distanceM} m`,
      distance_m: distanceM,
      surface_ha: Math.round(bufferAreaHa * 100) / 100,
    },
  };
  return {
    summary: { source, distanceM, bufferAreaHa, hits, computedAt: new Date().toISOString() },
    features: [zoneFeature, ...pieces],
  };
}
