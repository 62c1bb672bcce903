// The coordinate system chosen for the readout, shared by every place that shows coordinates (the
// map's readout, the measure's vertices) and remembered on this device. Lambert-93 needs proj4,
// fetched once when that system is first wanted; until then `toLambert93` is null.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Position } from 'geojson';
import type { CoordinateSystem } from '../../core/geo/coordinates';
import { readCoordinateSystemPreference, writeCoordinateSystemPreference } from './preferences';
import { loadLambert93 } from '../gis/projection';

let current: CoordinateSystem | null = null;
const listeners = new Set<() => void>();

const read = (): CoordinateSystem => (current ??= readCoordinateSystemPreference());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useCoordinateSystem() {
  const system = useSyncExternalStore(subscribe, read);
  const [toLambert93, setToLambert93] = useState<((p: Position) => Position) | null>(null);
  useEffect(() => {
    if (system !== 'EPSG:2154' || toLambert93) return;
    let live = true;
    void loadLambert93().then((project) => live && setToLambert93(() => project));
    return () => {
      live = false;
    };
  }, [system, toLambert93]);
  const choose = useCallback((next: CoordinateSystem) => {
    current = next;
    writeCoordinateSystemPreference(next);
    listeners.forEach((l) => l());
  }, []);
  return { system, choose, toLambert93 };
}
