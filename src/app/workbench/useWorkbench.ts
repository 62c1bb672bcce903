// Everything the app shell needs from the workbench in one hook: the workspace, the measure tool,
// the selected workspace feature, the workspace's map style and the measure's deck layers. The open item and the selection are
// the shell's state (they live in the address, before this code is loaded): checked here against
// the workspace once it is read.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Layer } from '@deck.gl/core';
import type { Bounds, Catalog, GeoFeature } from '../../../layers/types';
import { useWorkspace } from './useWorkspace';
import { useMeasure } from './measure/useMeasure';
import { measureLayers } from './measure/measure-layers';
import { measureToKeep, type MeasureMode } from './measure/measure';
import { itemIdFromLayer, workspaceStyle } from './map/workspace-layers';
import { pickedSource, workspaceDefinition } from './workspace-definition';
import { useI18n } from '../i18n';

export interface WorkspaceSelection {
  itemId: string;
  index: number;
}

/** What the address says of the workspace, owned by the app shell. */
export interface WorkbenchUrlState {
  openItemId: string | null;
  setOpenItemId: (id: string | null) => void;
  selection: WorkspaceSelection | null;
  setSelection: (selection: WorkspaceSelection | null) => void;
}

export function useWorkbench(catalog: Catalog | null, url: WorkbenchUrlState, onFrame: (bounds: Bounds) => void) {
  const { t } = useI18n();
  // New imports are framed: a file from elsewhere in France must not load out of sight.
  const api = useWorkspace(catalog, (items) => {
    const boxes = items.map((i) => i.bounds).filter((b): b is Bounds => !!b);
    if (boxes.length)
      onFrame([
        Math.min(...boxes.map((b) => b[0])),
        Math.min(...boxes.map((b) => b[1])),
        Math.max(...boxes.map((b) => b[2])),
        Math.max(...boxes.map((b) => b[3])),
      ]);
  });
  const measure = useMeasure();
  const { openItemId, setOpenItemId, selection, setSelection } = url;
  const [selectedFeature, setSelectedFeature] = useState<GeoFeature | null>(null);

  // An item or feature named by the URL but absent from this browser's workspace is dropped, and said.
  const restored = api.storage !== 'chargement' && api.jobs.length === 0;
  useEffect(() => {
    if (!restored) return;
    if (openItemId && !api.items.some((i) => i.id === openItemId)) setOpenItemId(null);
    if (selection && !api.items.some((i) => i.id === selection.itemId)) setSelection(null);
  }, [restored, api.items, openItemId, selection, setOpenItemId, setSelection]);

  const selectedItem = selection ? api.items.find((i) => i.id === selection.itemId) : undefined;
  const { feature: fetchFeature } = api;
  useEffect(() => {
    let live = true;
    if (!selection || !selectedItem) setSelectedFeature(null);
    else void fetchFeature(selection.itemId, selection.index).then((f) => live && setSelectedFeature(f));
    return () => {
      live = false;
    };
  }, [selection, selectedItem, fetchFeature]);

  const workspace = useMemo(() => workspaceStyle(api.items, api.revisions), [api.items, api.revisions]);
  const layers: Layer[] = useMemo(() => measureLayers(measure.mode, measure.points), [measure.mode, measure.points]);

  const { addFeatures, items } = api;
  const { mode, points, stop } = measure;
  const keepMeasure = useCallback(async () => {
    const kept: MeasureMode | null = mode;
    if (!kept) return;
    const feature = measureToKeep(kept, points);
    if (!feature) return;
    const n = items.filter((i) => i.kind === 'mesure').length + 1;
    // The name is the user's item from now on: written in the language of the moment.
    const item = await addFeatures(t(kept === 'distance' ? 'wb.measure.keptDistance' : 'wb.measure.keptSurface', { n: String(n) }), 'mesure', [
      feature,
    ]);
    if (item) stop();
  }, [addFeatures, items, mode, points, stop, t]);

  // One object per change (see useWorkspace): what WorkbenchMount hands to the shell.
  return useMemo(
    () => ({ api, measure, workspace, layers, selectedItem, selectedFeature, keepMeasure, itemIdFromLayer, pickedSource, workspaceDefinition }),
    [api, measure, workspace, layers, selectedItem, selectedFeature, keepMeasure],
  );
}

export type Workbench = ReturnType<typeof useWorkbench>;
