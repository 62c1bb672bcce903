// Reads one FlatGeobuf file of public/data/ into GeoJSON features. Whole-file reads: the files are
// small; bbox streaming over Range requests comes later.
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { GeoFeature } from '../../../layers/types';
import { DATA_BASE } from '../data/catalog';

/** `base` is the data folder's URL; the workbench worker passes an absolute one (its own URL is elsewhere). */
export async function loadFeatures(file: string, signal?: AbortSignal, base = DATA_BASE): Promise<GeoFeature[]> {
  let response: Response;
  try {
    response = await fetch(`${base}${file}`, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(`le fichier ${file} est injoignable (réseau).`, { cause: error });
  }
  if (!response.ok) throw new Error(`le fichier ${file} est introuvable (HTTP ${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const features: GeoFeature[] = [];
  try {
    for await (const feature of deserialize(bytes)) {
      features.push({
        type: 'Feature',
        geometry: feature.geometry,
        properties: (feature.properties ?? {}) as Record<string, unknown>,
      });
    }
  } catch {
    throw new Error(`le fichier ${file} est illisible (FlatGeobuf invalide).`);
  }
  return features;
}
