// Everything the app shell needs from the workbench in one hook: the workspace, the measure tool,
// the open item and selected workspace feature (mirrored in the URL), the deck layers to draw, and
// the drop-on-map handlers.
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import type { Layer } from '@deck.gl/core';
import type { Bounds, Catalog, GeoFeature } from '../../layers/types';
import type { UrlState } from '../state/url-state';
import { useWorkspace } from './useWorkspace';
import { useMeasure } from './measure/useMeasure';
import { measureLayers } from './measure/measure-layers';
import { measureToKeep, type MeasureMode } from './measure/measure';
import { workspaceDeckLayers } from './map/workspace-layers';
import { useI18n } from '../i18n';

const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

export function useWorkbench(catalog: Catalog | null, initialUrl: UrlState, onFilesDropped: () => void, onFrame: (bounds: Bounds) => void) {
  const { t } = useI18n();
  // New imports are framed: a file from elsewhere in France must not load out of sight.
  const api = useWorkspace(catalog, (items) => {
    const boxes = items.map((i) => i.bounds).filter((b): b is Bounds => !!b);
    if (boxes.length) onFrame([Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]);
  });
  const measure = useMeasure();
  const [openItemId, setOpenItemId] = useState<string | null>(initialUrl.workspaceItem ?? null);
  const [selection, setSelection] = useState<{ itemId: string; index: number } | null>(initialUrl.workspaceSelection ?? null);
  const [selectedFeature, setSelectedFeature] = useState<GeoFeature | null>(null);
  const [dragging, setDragging] = useState(false);

  // An item or feature named by the URL but absent from this browser's workspace is dropped, and said.
  const restored = api.storage !== 'chargement' && api.jobs.length === 0;
  useEffect(() => {
    if (!restored) return;
    if (openItemId && !api.items.some((i) => i.id === openItemId)) setOpenItemId(null);
    if (selection && !api.items.some((i) => i.id === selection.itemId)) setSelection(null);
  }, [restored, api.items, openItemId, selection]);

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

  const layers: Layer[] = useMemo(
    () => [...workspaceDeckLayers(api.items, api.binaries), ...measureLayers(measure.mode, measure.points)],
    [api.items, api.binaries, measure.mode, measure.points],
  );

  const keepMeasure = useCallback(async () => {
    const mode: MeasureMode | null = measure.mode;
    if (!mode) return;
    const feature = measureToKeep(mode, measure.points);
    if (!feature) return;
    const n = api.items.filter((i) => i.kind === 'mesure').length + 1;
    // The name is the user's item from now on: written in the language of the moment.
    const item = await api.addFeatures(t(mode === 'distance' ? 'wb.measure.keptDistance' : 'wb.measure.keptSurface', { n: String(n) }), 'mesure', [feature]);
    if (item) measure.stop();
  }, [api, measure, t]);

  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget === event.target) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...event.dataTransfer.files];
      if (!files.length) return;
      onFilesDropped();
      void api.importFiles(files);
    },
  };

  return {
    api,
    measure,
    layers,
    openItemId,
    setOpenItemId,
    selection,
    setSelection,
    selectedItem,
    selectedFeature,
    keepMeasure,
    dragging,
    dropHandlers,
  };
}
