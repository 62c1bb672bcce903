// Keeps a group of MapLibre layers equal to a list of specifications, touching only what changed:
// a visibility toggle or a theme switch sets properties (no tile reload); a layer appears or
// goes away only when data arrives or a class set changes. Order follows the list, bottom first.
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

type Props = Record<string, unknown>;

/** What each group put on the map last time, by layer id. */
const applied = new WeakMap<MapLibreMap, Map<string, LayerSpecification>>();
const groups = new WeakMap<MapLibreMap, Map<string, string[]>>();
const sourceData = new WeakMap<MapLibreMap, Map<string, FeatureCollection>>();

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function keyed<K extends object, V>(store: WeakMap<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (!value) store.set(key, (value = make()));
  return value;
}

/** Adds the GeoJSON source, or replaces its data when it is another object. */
export function syncSource(map: MapLibreMap, id: string, data: FeatureCollection): void {
  const known = keyed(sourceData, map, () => new Map<string, FeatureCollection>());
  const source = map.getSource<GeoJSONSource>(id);
  if (!source) map.addSource(id, { type: 'geojson', data });
  else if (known.get(id) !== data) source.setData(data);
  known.set(id, data);
}

export function removeSource(map: MapLibreMap, id: string): void {
  if (map.getSource(id)) map.removeSource(id);
  sourceData.get(map)?.delete(id);
}

function update(map: MapLibreMap, before: LayerSpecification, next: LayerSpecification): boolean {
  const b = before as Props;
  const n = next as Props;
  if (b.type !== n.type || b.source !== n.source) return false;
  if (!same(b.filter, n.filter)) map.setFilter(next.id, (n.filter ?? null) as never);
  for (const kind of ['paint', 'layout'] as const) {
    const was = (b[kind] ?? {}) as Props;
    const now = (n[kind] ?? {}) as Props;
    for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if (same(was[key], now[key])) continue;
      if (kind === 'paint') map.setPaintProperty(next.id, key as never, (now[key] ?? null) as never);
      else map.setLayoutProperty(next.id, key as never, (now[key] ?? null) as never);
    }
  }
  return true;
}

/**
 * Makes the layers of `group` equal to `specs`, placed just under `beforeId` (or on top). Layers
 * of the group no longer listed are removed.
 */
export function syncLayers(map: MapLibreMap, group: string, specs: LayerSpecification[], beforeId?: string): void {
  const done = keyed(applied, map, () => new Map<string, LayerSpecification>());
  const members = keyed(groups, map, () => new Map<string, string[]>());
  const wanted = new Set(specs.map((s) => s.id));
  for (const id of members.get(group) ?? []) {
    if (wanted.has(id)) continue;
    if (map.getLayer(id)) map.removeLayer(id);
    done.delete(id);
  }
  // Layers already there whose order changed (the workspace's items moved) are moved, not re-added.
  const kept = (members.get(group) ?? []).filter((id) => wanted.has(id));
  const keptSet = new Set(kept);
  const reordered = specs.filter((s) => keptSet.has(s.id)).some((s, i) => s.id !== kept[i]);
  // Top down: each layer is placed under the one listed above it.
  let above = beforeId && map.getLayer(beforeId) ? beforeId : undefined;
  for (let i = specs.length - 1; i >= 0; i--) {
    const spec = specs[i];
    const before = done.get(spec.id);
    if (reordered && map.getLayer(spec.id)) map.moveLayer(spec.id, above);
    if (!map.getLayer(spec.id)) map.addLayer(spec, above);
    else if (before && !update(map, before, spec)) {
      map.removeLayer(spec.id);
      map.addLayer(spec, above);
    }
    done.set(spec.id, spec);
    above = spec.id;
  }
  members.set(
    group,
    specs.map((s) => s.id),
  );
}
