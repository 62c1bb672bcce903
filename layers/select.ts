// Selection rules shared by the layers: membership of the 36 communes, or position in the territory.
import { booleanIntersects, booleanPointInPolygon } from '@turf/turf';
import type { Point } from 'geojson';
import type { AreaFeature } from './metrics';
import { localPart, shareInside } from './metrics';
import type { Member } from './pipeline-types';
import type { GeoFeature } from './types';

/** Upper case without accents or punctuation: "Éleu-dit-Leauwette" ≡ "ELEU DIT LEAUWETTE". */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Finds the member commune a free-text commune name designates, if any. */
export function memberByName(members: Member[], name: unknown): Member | undefined {
  if (typeof name !== 'string' || name.trim() === '') return undefined;
  const key = nameKey(name);
  return members.find((m) => nameKey(m.nom) === key);
}

/** Commune names of the `commune_1..n` fields, spelled as the official member list spells them. */
export function communeNames(properties: Record<string, unknown>, members: Member[]): string[] {
  const names: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    if (!/^commune(_\d+)?$/.test(key) || typeof value !== 'string' || value.trim() === '') continue;
    const official = memberByName(members, value)?.nom ?? titleCase(value);
    if (!names.includes(official)) names.push(official);
  }
  return names;
}

function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name.trim();
  return name
    .trim()
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())
    .replace(/-(Les|Le|La|Sous|Sur|En|Au|Dit|Lès)-/g, (m) => m.toLowerCase());
}

export function isMember(members: Member[], code: unknown): boolean {
  return typeof code === 'string' && members.some((m) => m.code === code);
}

/**
 * Whether a feature belongs to the territory: polygons by the share of their area inside (a
 * polygon that only touches the boundary is not in), lines and points by intersection.
 */
export function inTerritory(feature: GeoFeature, territory: AreaFeature, minShare = 0.001): boolean {
  const g = feature.geometry;
  if (!g) return false;
  if (g.type === 'Point') return booleanPointInPolygon(feature as GeoFeature & { geometry: Point }, territory);
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return shareInside(feature as AreaFeature, territory) > minShare;
  const local = localPart(territory, feature);
  return local !== null && booleanIntersects(feature, local);
}

/** The commune whose polygon contains the point, if any. */
export function communeAt(point: GeoFeature, communes: AreaFeature[]): AreaFeature | undefined {
  if (point.geometry?.type !== 'Point') return undefined;
  return communes.find((c) => booleanPointInPolygon(point as GeoFeature & { geometry: Point }, c));
}

/** First non-empty value among the keys, as a trimmed string. */
export function firstText(properties: Record<string, unknown>, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = properties[key];
    if (v !== null && v !== undefined && String(v).trim() !== '') return String(v).trim();
  }
  return null;
}
