// A thematic sublayer exported from the layer panel: read from the same FlatGeobuf file the map
// draws (so the count is the catalog's), then written like any workspace export, credits included.
// Reading is the first fifth of the progress bar, reprojection and writing the rest.
import { loadFeatures } from '../core/fgb/read';
import { exportFeaturesAsync } from '../core/export';
import type { ExportedFile } from '../core/types';
import type { WorkerRequest } from '../core/worker-protocol';

export async function exportThematicLayer(
  request: Extract<WorkerRequest, { type: 'export-layer' }>,
  progress: (fraction: number, stage: string) => void,
): Promise<ExportedFile> {
  progress(0, 'lecture de la couche');
  const features = await loadFeatures(request.file, undefined, request.dataBase);
  progress(0.2, 'écriture du fichier');
  return exportFeaturesAsync(features, {
    format: request.format,
    crs: request.crs,
    name: request.name,
    credits: request.credits,
    onProgress: (f) => progress(0.2 + 0.8 * f, 'écriture du fichier'),
  });
}
