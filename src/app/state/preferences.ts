// The basemap choice is remembered on this device (localStorage), and the URL may override it.
import { DEFAULT_BASEMAP, isBasemapId, type BasemapId } from '../../core/map-style/basemaps';

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
