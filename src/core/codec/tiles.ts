// Vector tiles of a workspace layer, cut in the workbench worker and handed to MapLibre one tile at
// a time (`addProtocol`): the page never holds the layer's geometry, MapLibre parses each tile in
// its own worker, so a 100,000-feature import neither freezes the map nor waits for a full upload.
// geojson-vt and vt-pbf are what MapLibre itself uses for GeoJSON sources (same simplification).
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { GeoFeature } from '../../../layers/types';
import { TILE_LAYER, TILE_MAX_ZOOM, tileFeatureId } from './tile-url';

export class LayerTiles {
  private index: GeoJSONVT | null = null;

  constructor(private readonly features: GeoFeature[]) {}

  /** Built on the first tile asked (or by `prepare`): a layer restored hidden costs nothing. */
  private built(): GeoJSONVT {
    if (this.index) return this.index;
    const source = {
      type: 'FeatureCollection' as const,
      // Only the geometry and the id travel: properties are read from the worker when a feature is picked.
      features: this.features.map((f, i) => ({ type: 'Feature' as const, id: tileFeatureId(i), geometry: f.geometry, properties: {} })),
    };
    this.index = new GeoJSONVT(source as GeoJSON.FeatureCollection, {
      maxZoom: TILE_MAX_ZOOM,
      indexMaxZoom: 4,
      // A third of MapLibre's default: geojson-vt drops polygons smaller than tolerance² at each zoom, and
      // with 3 a field of 30 m parcels vanished whole at a phone's territory view (zoom 9).
      tolerance: 1,
      extent: 4096,
      buffer: 64,
    });
    return this.index;
  }

  /** Builds the index now: an import does it while the page adds the layer's source to the map. */
  prepare(): void {
    this.built();
  }

  /** The encoded tile, or null where the layer has nothing. */
  tile(z: number, x: number, y: number): Uint8Array | null {
    const tile = this.built().getTile(z, x, y);
    if (!tile || tile.features.length === 0) return null;
    return fromGeojsonVt({ [TILE_LAYER]: tile }, { version: 2, extent: 4096 });
  }
}
