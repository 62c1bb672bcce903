// One outline per cité out of three overlapping sources (UNESCO property, ERBM layer, buffer zone).
// Identity is the Mission Bassin Minier id (`id_lsm`) where a source has it, else the UNESCO element
// id; two records with different ids whose outlines nearly coincide are merged too.
import { area, bbox, booleanIntersects, featureCollection, intersect } from '@turf/turf';
import type { AreaFeature } from '../metrics';
import type { GeoFeature } from '../types';

export interface CiteRecord {
  key: string;
  feature: AreaFeature;
  unesco: boolean;
  erbm: boolean;
  zoneTampon: boolean;
  sources: string[];
  properties: Record<string, unknown>;
  /** Set once the record carries a UNESCO outline: a second one is another part of the same cité. */
  hasInscribedOutline?: boolean;
}

function polygonsOf(f: AreaFeature) {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** `id_lsm` comes as 348 in one harvest and 348.0 in another: compare as integers. */
export function lsmId(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? String(Math.round(n)) : String(value);
}

/** Non-empty properties of `extra` fill the gaps of `base`. */
function fill(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(extra)) if ((out[k] === null || out[k] === undefined || out[k] === '') && v !== null && v !== '') out[k] = v;
  return out;
}

/** Share of the smaller outline covered by the other one. */
export function outlineOverlap(a: AreaFeature, b: AreaFeature): number {
  const [ax1, ay1, ax2, ay2] = bbox(a);
  const [bx1, by1, bx2, by2] = bbox(b);
  if (ax1 > bx2 || bx1 > ax2 || ay1 > by2 || by1 > ay2 || !booleanIntersects(a, b)) return 0;
  const inter = intersect(featureCollection([a, b]));
  return inter ? area(inter) / Math.min(area(a), area(b)) : 0;
}

export interface MergeInput {
  unesco: GeoFeature[];
  erbm: GeoFeature[];
  zoneTampon: GeoFeature[];
}

export function mergeCites(input: MergeInput, overlapThreshold = 0.8): { records: CiteRecord[]; messages: string[] } {
  const byKey = new Map<string, CiteRecord>();
  const messages: string[] = [];
  const upsert = (
    key: string,
    f: GeoFeature,
    source: string,
    flags: Partial<Pick<CiteRecord, 'unesco' | 'erbm' | 'zoneTampon'>>,
    geometryWins: boolean,
  ) => {
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, {
        key,
        feature: f as AreaFeature,
        unesco: false,
        erbm: false,
        zoneTampon: false,
        sources: [source],
        properties: { ...f.properties },
        hasInscribedOutline: geometryWins,
        ...flags,
      });
      return;
    }
    if (!existing.sources.includes(source)) existing.sources.push(source);
    Object.assign(existing, Object.fromEntries(Object.entries(flags).filter(([, v]) => v)));
    existing.properties = geometryWins ? fill({ ...f.properties }, existing.properties) : fill(existing.properties, f.properties);
    if (geometryWins && existing.hasInscribedOutline) {
      // The same UNESCO element in two records: one cité drawn in two parts, keep both.
      existing.feature = {
        ...existing.feature,
        geometry: { type: 'MultiPolygon', coordinates: [...polygonsOf(existing.feature), ...polygonsOf(f as AreaFeature)] },
      };
    } else if (geometryWins) {
      existing.feature = f as AreaFeature;
      existing.hasInscribedOutline = true;
    }
  };

  // ERBM layer first: its polygons are the programme's own outlines.
  for (const f of input.erbm) {
    const id = lsmId(f.properties.id_lsm);
    if (id) upsert(`lsm:${id}`, f, 'cites-erbm', { erbm: true }, false);
    else messages.push(`cites-erbm : « ${String(f.properties.nom ?? '?')} » sans identifiant id_lsm, ignorée`);
  }
  for (const f of input.unesco) {
    const id = lsmId(f.properties.id_lsm);
    const unescoId = f.properties.id_unesco ? String(f.properties.id_unesco) : null;
    if (unescoId) {
      // The inscribed outline is the reference for a UNESCO cité, ERBM or not.
      upsert(id ? `lsm:${id}` : `unesco:${unescoId}`, f, 'cites-unesco', { unesco: true, erbm: id !== null }, true);
    } else if (id) {
      // Appended by the harvester from the ERBM layer (id_unesco null): the same cité as the ERBM record.
      upsert(`lsm:${id}`, f, 'cites-unesco', { erbm: true }, false);
    } else {
      messages.push(`cites-unesco : « ${String(f.properties.nom ?? '?')} » sans id_unesco ni id_lsm, ignorée`);
    }
  }
  for (const f of input.zoneTampon) {
    const id = lsmId(f.properties.id_lsm);
    upsert(id ? `lsm:${id}` : `zt:${String(f.properties.nom)}:${byKey.size}`, f, 'cites-zt', { zoneTampon: true }, false);
  }

  // Outline check: different ids, same place.
  const records = [...byKey.values()];
  const merged = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const a = records[i];
      const b = records[j];
      if (merged.has(a.key) || merged.has(b.key)) continue;
      if (outlineOverlap(a.feature, b.feature) < overlapThreshold) continue;
      messages.push(`contours confondus : « ${String(a.properties.nom)} » (${a.key}) et « ${String(b.properties.nom)} » (${b.key}) fusionnés`);
      a.unesco ||= b.unesco;
      a.erbm ||= b.erbm;
      a.zoneTampon ||= b.zoneTampon;
      a.sources = [...new Set([...a.sources, ...b.sources])];
      a.properties = fill(a.properties, b.properties);
      merged.add(b.key);
    }
  }
  return { records: records.filter((r) => !merged.has(r.key)), messages };
}
