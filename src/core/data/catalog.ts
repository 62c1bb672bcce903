// Loads the catalog written by the data pipeline (public/data/catalog.json).
import type { Catalog } from '../../../layers/types';
import { fetchJson } from './fetch-json';

export const DATA_BASE = './data/';

/** Reads and sanity-checks the catalog; errors are French because the UI shows them as they are. */
export async function fetchCatalog(url = `${DATA_BASE}catalog.json`): Promise<Catalog> {
  const json = await fetchJson(url, { subject: 'le catalogue des données', plural: false });
  return checkCatalog(json);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks only what the app relies on; the pipeline owns the full validation. */
export function checkCatalog(json: unknown): Catalog {
  if (!isRecord(json) || json.version !== 1) throw new Error('catalogue de version inconnue.');
  const territory = json.territory;
  if (!isRecord(territory) || !Array.isArray(territory.bounds) || territory.bounds.length !== 4) {
    throw new Error('catalogue sans emprise du territoire.');
  }
  if (!Array.isArray(json.layers) || !Array.isArray(json.sources)) {
    throw new Error('catalogue sans liste de couches ou de sources.');
  }
  return json as unknown as Catalog;
}
