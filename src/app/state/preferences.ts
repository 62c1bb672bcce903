// Choices remembered on this device (localStorage): the basemap (the URL may override it) and the coordinates readout's system.
import { DEFAULT_BASEMAP, isBasemapId, type BasemapId } from '../../core/map-style/basemaps';
import { isCoordinateSystem, type CoordinateSystem } from '../../core/geo/coordinates';

const KEY = 'atlas-lens-lievin.fond';

export function readBasemapPreference(): BasemapId {
  try {
    const value = window.localStorage.getItem(KEY);
    return isBasemapId(value) ? value : DEFAULT_BASEMAP;
  } catch {
    return DEFAULT_BASEMAP; // storage disabled (private mode, policy)
  }
}

export function writeBasemapPreference(id: BasemapId): void {
  try {
    window.localStorage.setItem(KEY, id);
  } catch {
    // Not remembered, the URL still carries it.
  }
}

// The coordinates readout's system (WGS 84 or Lambert-93), remembered on this device as well.
const COORDINATES_KEY = 'atlas-lens-lievin.coordonnees';

export function readCoordinateSystemPreference(): CoordinateSystem {
  try {
    const value = window.localStorage.getItem(COORDINATES_KEY);
    return isCoordinateSystem(value) ? value : 'EPSG:4326';
  } catch {
    return 'EPSG:4326';
  }
}

export function writeCoordinateSystemPreference(system: CoordinateSystem): void {
  try {
    window.localStorage.setItem(COORDINATES_KEY, system);
  } catch {
    // Not remembered: the choice holds for this visit.
  }
}
