// Common finishing step of every format: system resolution, reprojection to WGS84 with checks
// (bad features skipped and counted, one warning per kind), RFC 7946 winding, statistics.
import { rewind } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { crsLabel, reprojector, validityTest } from '../geo/crs';
import type { Bounds, GeoFeature } from '../../../layers/types';
import type { CrsCode, ImportedLayer } from '../types';
import { errors, plural } from './errors';
import { GeometryWalker, samplePositions, type GeometryProblem } from './geometry-check';
import { resolveCrs } from './crs-resolve';
import type { RawLayer } from './raw-layer';
import type { ImportRun } from './run';

type SkipKind = 'sans-geometrie' | GeometryProblem;

function skipWarning(fileName: string, kind: SkipKind, n: number, crs: CrsCode): string {
  const what = plural(n, 'entité', 'entités');
  const ignored = n > 1 ? 'ignorées' : 'ignorée';
  switch (kind) {
    case 'sans-geometrie':
      return `${fileName} : ${what} sans géométrie ${ignored}.`;
    case 'vide':
      return `${fileName} : ${what} à la géométrie vide ${ignored}.`;
    case 'non-numerique':
      return `${fileName} : ${what} aux coordonnées non numériques (vides, texte, NaN ou infini) ${ignored}.`;
    case 'hors-etendue':
      return `${fileName} : ${what} aux coordonnées hors de la zone de validité de ${crsLabel(crs)} ${ignored}.`;
    case 'invalide':
      return `${fileName} : ${what} à la géométrie mal formée (type inconnu, ligne d'un seul point, anneau de moins de 4 points…) ${ignored}.`;
  }
}

const SKIP_LABELS: Record<SkipKind, string> = {
  'sans-geometrie': 'sans géométrie',
  vide: 'à la géométrie vide',
  'non-numerique': 'aux coordonnées non numériques',
  'hors-etendue': 'aux coordonnées hors de la zone de validité',
  invalide: 'à la géométrie mal formée',
};

function summary(skipped: Map<SkipKind, number>): string {
  const parts = [...skipped].map(([kind, n]) => `${n} ${SKIP_LABELS[kind]}`);
  return parts.length ? parts.join(', ') : 'aucune entité';
}

/**
 * Deepest nesting of a property value kept (an object in an array in an object…). Deeper values
 * cannot be stored or exported: JSON.stringify overflows the stack on them.
 */
export const MAX_PROPERTY_DEPTH = 64;

/** Whether an object or array nests deeper than `limit`; iterative, since the value may be 100,000 levels deep. */
function nestsDeeperThan(value: object, limit: number): boolean {
  const stack: [object, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [object, number];
    if (depth > limit) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Polygons of any depth rewound in place: outer rings counter-clockwise, holes clockwise. */
function rewindPolygons(g: Geometry): void {
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') rewind(g, { mutate: true });
  else if (g.type === 'GeometryCollection') g.geometries.forEach(rewindPolygons);
}

/** `label` names the file in messages (the zip plus the .shp when a zip holds several). */
export async function finalizeLayer(layer: RawLayer, fileName: string, run: ImportRun, label = fileName): Promise<ImportedLayer> {
  const raw = layer.features;
  const total = raw.length;
  const sample = samplePositions(raw);
  if (total === 0 || sample.length === 0) {
    const why =
      total === 0 ? 'le fichier ne contient aucune entité' : `${plural(total, 'entité', 'entités')}, aucune avec des coordonnées numériques`;
    throw errors.noGeometry(label, layer.format, why);
  }
  const crs = resolveCrs(layer, label, sample, run.options.crs);
  const used = crs.used;
  const project = used === 'EPSG:4326' ? (p: Position) => (p.length === 2 ? p : [p[0], p[1]]) : reprojector(used);
  const walker = new GeometryWalker(project, validityTest(used));

  await run.step('reprojection', 0);
  const skipped = new Map<SkipKind, number>();
  const skip = (kind: SkipKind) => skipped.set(kind, (skipped.get(kind) ?? 0) + 1);
  const features: GeoFeature[] = [];
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity;
  for (let i = 0; i < total; i++) {
    await run.chunk('reprojection', i, total);
    const f = raw[i];
    const geometry = f.geometry;
    if (!geometry || typeof geometry !== 'object') {
      skip('sans-geometrie');
      continue;
    }
    const problem = walker.walk(geometry);
    if (problem) {
      skip(problem);
      continue;
    }
    if (walker.minX < west) west = walker.minX;
    if (walker.minY < south) south = walker.minY;
    if (walker.maxX > east) east = walker.maxX;
    if (walker.maxY > north) north = walker.maxY;
    const feature: GeoFeature = { type: 'Feature', properties: f.properties, geometry };
    if (f.id !== undefined) feature.id = f.id;
    features.push(feature);
  }

  if (features.length === 0) throw errors.noGeometry(label, layer.format, summary(skipped));

  await run.step('vérification', 0);
  const geometryTypes: Record<string, number> = {};
  const names = new Set<string>();
  const extraNames = new Set<string>();
  const maxNames = run.limits.maxPropertyNames;
  let tooDeep = 0;
  for (let i = 0; i < features.length; i++) {
    await run.chunk('vérification', i, features.length);
    const { geometry, properties } = features[i];
    geometryTypes[geometry.type] = (geometryTypes[geometry.type] ?? 0) + 1;
    rewindPolygons(geometry);
    for (const key in properties) {
      const value = properties[key];
      if (value !== null && typeof value === 'object' && nestsDeeperThan(value, MAX_PROPERTY_DEPTH)) {
        properties[key] = null;
        tooDeep++;
      }
      if (names.has(key)) continue;
      if (names.size < maxNames) names.add(key);
      else if (extraNames.size < 10_000) extraNames.add(key);
    }
  }
  run.report('vérification', 1);

  const warnings = [...layer.warnings, ...crs.warnings];
  for (const [kind, n] of skipped) warnings.push(skipWarning(label, kind, n, used));
  if (tooDeep > 0) {
    warnings.push(
      `${label} : ${plural(tooDeep, 'valeur de propriété imbriquée', 'valeurs de propriétés imbriquées')} sur plus de ${MAX_PROPERTY_DEPTH} niveaux ${tooDeep > 1 ? 'remplacées' : 'remplacée'} par une valeur vide.`,
    );
  }
  if (walker.sawZ) warnings.push(`${label} : altitudes (Z) ignorées : la carte et les exports sont en deux dimensions.`);
  if (extraNames.size > 0) {
    warnings.push(
      `${label} : ${names.size + extraNames.size} noms de propriétés ; seuls les ${maxNames} premiers sont listés (chaque entité garde toutes ses propriétés).`,
    );
  }
  const bounds: Bounds = [west, south, east, north];
  return {
    fileName,
    name: layer.name,
    format: layer.format,
    crs: crs.detection,
    crsUsed: used,
    features,
    geometryTypes,
    bounds,
    propertyNames: [...names],
    warnings,
  };
}
