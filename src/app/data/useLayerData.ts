// Loads every sublayer file listed in the catalog, each on its own: one failing file only marks
// its own layer in error.
import { useEffect, useState } from 'react';
import type { Catalog, GeoFeature } from '../../../layers/types';
import { layerDefinitions } from '../../../layers/index';
import { loadFeatures } from '../../core/fgb/read';

export type SublayerData =
  { state: 'chargement' } | { state: 'ok'; features: GeoFeature[] } | { state: 'sans-geometrie' } | { state: 'erreur'; message: string };

export type LayerData = Record<string, SublayerData>;

/** Initial state of every sublayer of the definitions, from what the catalog says about it. */
export function initialLayerData(catalog: Catalog): LayerData {
  const data: LayerData = {};
  for (const layer of layerDefinitions) {
    const entry = catalog.layers.find((l) => l.id === layer.id);
    for (const sublayer of layer.sublayers) {
      const cat = entry?.sublayers.find((s) => s.id === sublayer.id);
      if (!entry) data[sublayer.id] = { state: 'erreur', message: 'couche absente du catalogue des données.' };
      else if (entry.status === 'erreur') {
        data[sublayer.id] = { state: 'erreur', message: entry.statusMessage ?? 'erreur lors de la préparation des données.' };
      } else if (!cat) data[sublayer.id] = { state: 'erreur', message: 'sous-couche absente du catalogue des données.' };
      else if (!cat.file) data[sublayer.id] = { state: 'sans-geometrie' };
      else data[sublayer.id] = { state: 'chargement' };
    }
  }
  return data;
}

/**
 * Files to read, each with the sublayers it fills: a sublayer that shows another layer's file
 * (`from`) shares that file's one request.
 */
export function sublayersByFile(catalog: Catalog, initial: LayerData): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const layer of catalog.layers) {
    for (const sublayer of layer.sublayers) {
      const file = sublayer.file;
      if (!file || initial[sublayer.id]?.state !== 'chargement') continue;
      byFile.set(file, [...(byFile.get(file) ?? []), sublayer.id]);
    }
  }
  return byFile;
}

export function useLayerData(catalog: Catalog | null): LayerData {
  const [data, setData] = useState<LayerData>({});
  useEffect(() => {
    if (!catalog) return;
    const controller = new AbortController();
    const initial = initialLayerData(catalog);
    setData(initial);
    for (const [file, ids] of sublayersByFile(catalog, initial)) {
      const settle = (d: SublayerData) => setData((prev) => ({ ...prev, ...Object.fromEntries(ids.map((id) => [id, d])) }));
      loadFeatures(file, controller.signal).then(
        (features) => settle({ state: 'ok', features }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const message = error instanceof Error ? error.message : String(error);
          console.warn(`Atlas : fichier ${file} (${ids.join(', ')}) non chargé :`, message);
          settle({ state: 'erreur', message });
        },
      );
    }
    return () => controller.abort();
  }, [catalog]);
  return data;
}

/** True once no sublayer is still loading. */
export function allSettled(data: LayerData): boolean {
  const states = Object.values(data);
  return states.length > 0 && states.every((d) => d.state !== 'chargement');
}
