// The catalog written by the data pipeline, loaded once for the app's lifetime.
import { useEffect, useState } from 'react';
import type { Catalog } from '../../../layers/types';
import { fetchCatalog } from '../../core/data/catalog';

export type CatalogState = { status: 'chargement' } | { status: 'ok'; catalog: Catalog } | { status: 'erreur'; message: string };

export function useCatalog(): CatalogState {
  const [state, setState] = useState<CatalogState>({ status: 'chargement' });
  useEffect(() => {
    fetchCatalog().then(
      (catalog) => setState({ status: 'ok', catalog }),
      (error: unknown) => setState({ status: 'erreur', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  return state;
}
