// An export that runs out of memory says so in French, whether it fails while reprojecting or while
// writing (a browser reports both as a RangeError: "Array buffer allocation failed", "Invalid array
// length"). The failure is simulated by a feature whose geometry cannot be read.
import { describe, expect, it } from 'vitest';
import { exportFeatures } from '../../src/core/export';
import type { GeoFeature } from '../../layers/types';

function exhausting(): GeoFeature[] {
  const ok: GeoFeature = { type: 'Feature', geometry: { type: 'Point', coordinates: [2.83, 50.43] }, properties: { nom: 'Lens' } };
  const failing = {
    type: 'Feature',
    properties: { nom: 'trop gros' },
    get geometry(): never {
      throw new RangeError('Array buffer allocation failed');
    },
  } as unknown as GeoFeature;
  return [ok, failing];
}

describe('export out of memory', () => {
  it('says so in French while writing (WGS 84, no reprojection)', () => {
    expect(() => exportFeatures(exhausting(), { format: 'geojson', crs: 'EPSG:4326', name: 'essai', credits: [] })).toThrow(
      /^export impossible : mémoire insuffisante pour écrire 2 entités en GEOJSON ; .*FlatGeobuf/,
    );
  });
  it('says so in French while reprojecting to Lambert-93', () => {
    expect(() => exportFeatures(exhausting(), { format: 'shapefile', crs: 'EPSG:2154', name: 'essai', credits: [] })).toThrow(
      /^export impossible : mémoire insuffisante pour écrire 2 entités en SHP\.ZIP/,
    );
  });
  it('lets other errors through unchanged', () => {
    expect(() => exportFeatures([], { format: 'geojson', name: 'vide', credits: [] })).toThrow('rien à exporter : la couche est vide');
  });
});
