// The thematic layers as the analysis needs them: read by the worker from the same FlatGeobuf files
// the map draws, so a feature's index is the same on both sides.
import { findSublayer } from '../../../layers/index';
import type { Catalog, GeoFeature } from '../../../layers/types';
import { fetchCatalog } from '../data/catalog';
import { loadFeatures } from '../fgb/read';
import type { ThematicInput } from './buffer-analysis';

/** The territory outline says nothing a planner does not know: every zone inside touches it. */
const NOT_ANALYSED = new Set(['territoire']);

export function thematicTitle(sublayerId: string): string {
  const found = findSublayer(sublayerId);
  if (!found) return sublayerId;
  const { layer, sublayer } = found;
  return sublayer.title === layer.title ? layer.title : `${layer.title} — ${sublayer.title}`;
}

/** Sublayers with a file, in the catalog's (panel) order. */
export function analysedSublayers(catalog: Catalog): { layerId: string; sublayerId: string; file: string }[] {
  return catalog.layers.flatMap((layer) =>
    layer.sublayers
      .filter((s) => s.file && s.featureCount > 0 && !NOT_ANALYSED.has(s.id) && findSublayer(s.id))
      .map((s) => ({ layerId: layer.id, sublayerId: s.id, file: s.file as string })),
  );
}

/** Reads every analysed sublayer; one unreadable file is left out and named, the others still count. */
export async function loadThematic(dataBase: string): Promise<{ inputs: ThematicInput[]; catalog: Catalog; missing: string[] }> {
  const catalog = await fetchCatalog(`${dataBase}catalog.json`);
  const inputs: ThematicInput[] = [];
  const missing: string[] = [];
  // A sublayer that shows another's file (`from`) is analysed on the same features, read once.
  const files = new Map<string, Promise<GeoFeature[]>>();
  for (const s of analysedSublayers(catalog)) {
    const found = findSublayer(s.sublayerId);
    if (!found) continue;
    try {
      if (!files.has(s.file)) files.set(s.file, loadFeatures(s.file, undefined, dataBase));
      const features = await files.get(s.file)!;
      inputs.push({
        layerId: s.layerId,
        sublayerId: s.sublayerId,
        title: thematicTitle(s.sublayerId),
        geometry: found.sublayer.geometry,
        nameField: found.sublayer.nameField,
        features,
      });
    } catch (error) {
      missing.push(`${thematicTitle(s.sublayerId)} : ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { inputs, catalog, missing };
}
