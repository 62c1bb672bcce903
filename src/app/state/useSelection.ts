// The selected feature: a thematic one or one of a workspace layer, never both. A selection from the
// address that names no feature of this build is dropped once the data has settled.
import { useCallback, useState } from 'react';
import type { LayerData } from '../data/useLayerData';
import { featureAt } from '../map/MapView';
import type { WorkspaceSelection } from '../workbench/useWorkbench';
import type { Selection, UrlState } from './url-state';

export function useSelection(initialUrl: UrlState, data: LayerData, settled: boolean) {
  const [selection, setSelection] = useState<Selection | null>(initialUrl.selection ?? null);
  const [workspaceSelection, setWorkspaceSelection] = useState<WorkspaceSelection | null>(initialUrl.workspaceSelection ?? null);
  const selectThematic = useCallback((next: Selection | null) => {
    setSelection(next);
    if (next) setWorkspaceSelection(null);
  }, []);
  const selectWorkspace = useCallback((next: WorkspaceSelection | null) => {
    setWorkspaceSelection(next);
    if (next) setSelection(null);
  }, []);
  const selectedFeature = featureAt(data, selection);
  if (settled && selection && !selectedFeature) setSelection(null);
  const followAddress = useCallback((url: UrlState) => {
    setSelection(url.selection ?? null);
    setWorkspaceSelection(url.workspaceSelection ?? null);
  }, []);
  return { selection, selectedFeature, workspaceSelection, setWorkspaceSelection, selectThematic, selectWorkspace, followAddress };
}
