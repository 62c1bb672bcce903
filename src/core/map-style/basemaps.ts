// Basemap choices. The default one is offline; online rasters are added under our own layers
// instead of swapping the style, which would tear down the deck.gl overlay.
import type { Map as MapLibreMap } from 'maplibre-gl';
// Extensions written out: vite.config.ts loads this module (CSP hosts), and Vite's native config
// loader wants them.
import { LAYER_TERRITORY_FILL } from './basemap-style.js';

export type BasemapId = 'atlas' | 'ign-standard' | 'ign-gris' | 'osm';

export interface BasemapCredit {
  producer: string;
  date: string;
  licence: string;
}

export interface BasemapOption {
  id: BasemapId;
  label: string;
  online: boolean;
  raster?: { tiles: string[]; maxzoom: number; saturation: number };
  credit?: BasemapCredit;
}

const planIgn = (style: string): string =>
  'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2' +
  `&STYLE=${style}&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&FORMAT=image/png`;

const ignCredit: BasemapCredit = {
  producer: 'IGN – Plan IGN (Géoplateforme)',
  date: 'mise à jour continue',
  licence: 'Licence Ouverte / Etalab 2.0',
};

export const basemaps: BasemapOption[] = [
  { id: 'atlas', label: 'Atlas (hors ligne)', online: false },
  {
    id: 'ign-standard',
    label: 'Plan IGN standard',
    online: true,
    raster: { tiles: [planIgn('normal')], maxzoom: 19, saturation: 0 },
    credit: ignCredit,
  },
  // The Géoplateforme serves PLANIGNV2 as a raster only in style "normal" (the grey Plan IGN is a
  // vector-tile style needing remote glyphs): the grey rendering desaturates the standard raster.
  { id: 'ign-gris', label: 'Plan IGN gris', online: true, raster: { tiles: [planIgn('normal')], maxzoom: 19, saturation: -1 }, credit: ignCredit },
  {
    id: 'osm',
    label: 'OpenStreetMap',
    online: true,
    raster: { tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], maxzoom: 19, saturation: 0 },
    credit: { producer: "© les contributeurs d'OpenStreetMap", date: 'mise à jour continue', licence: 'ODbL' },
  },
];

export const DEFAULT_BASEMAP: BasemapId = 'atlas';

/** Origins the online basemaps load tiles from: the Content-Security-Policy allows these and no other. */
export function basemapOrigins(): string[] {
  const origins = basemaps.flatMap((b) => b.raster?.tiles ?? []).map((url) => new URL(url.replace(/[{}]/g, '')).origin);
  return [...new Set(origins)].sort();
}

export function isBasemapId(value: unknown): value is BasemapId {
  return typeof value === 'string' && basemaps.some((b) => b.id === value);
}

export function basemapById(id: BasemapId): BasemapOption {
  return basemaps.find((b) => b.id === id) ?? basemaps[0];
}

const RASTER_SOURCE = 'fond-raster';
const RASTER_LAYER = 'fond-raster';

/** Puts the chosen raster just above the background; the offline fill hides when a raster shows. */
export function applyBasemap(map: MapLibreMap, option: BasemapOption): void {
  if (map.getLayer(RASTER_LAYER)) map.removeLayer(RASTER_LAYER);
  if (map.getSource(RASTER_SOURCE)) map.removeSource(RASTER_SOURCE);
  const raster = option.raster;
  if (map.getLayer(LAYER_TERRITORY_FILL)) {
    map.setPaintProperty(LAYER_TERRITORY_FILL, 'fill-opacity', raster ? 0.12 : 1);
  }
  if (!raster) return;
  map.addSource(RASTER_SOURCE, { type: 'raster', tiles: raster.tiles, tileSize: 256, maxzoom: raster.maxzoom });
  map.addLayer({ id: RASTER_LAYER, type: 'raster', source: RASTER_SOURCE, paint: { 'raster-saturation': raster.saturation } }, LAYER_TERRITORY_FILL);
}
