// The planner's workspace as app state: items (imports, analysis results, measures) with their
// tile revisions (what the map may draw), jobs in progress, and notices (translated when shown). Features live in
// the worker, which cuts the map's tiles; FlatGeobuf bytes are kept here and in IndexedDB so the workspace
// survives reloads and restarts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { addProtocol, removeProtocol } from 'maplibre-gl';
import { parseTileUrl, TILE_SCHEME } from '../../core/codec/tile-url';
import type { Catalog, GeoFeature } from '../../../layers/types';
import { DATA_BASE } from '../../core/data/catalog';
import { creditsFromCatalog, mergeCredits } from '../../core/credits';
import { download } from './download';
import { featuresItem, importedItem, nextPlacement, resultItem } from './items';
import { openWorkspace, WorkspaceStorageError, type Workspace } from './store/workspace-db';
import { WorkbenchClient } from './worker-client';
import { errorText, useJobs } from './useJobs';
import { rememberWorkspaceSaved } from '../state/workspace-saved';
export type { ActiveJob, Notice } from './useJobs';
import type { ThematicSource, WorkerResult } from '../../core/worker-protocol';
import type { CrsCode, ExportCrs, ExportFormat, WorkspaceItem } from '../../core/types';
import type { Message } from '../i18n';

export type StorageState = 'chargement' | 'ok' | 'session';

/** `onImported` is told of the layers each import created (the app frames them). */
export function useWorkspace(catalog: Catalog | null, onImported?: (items: WorkspaceItem[]) => void) {
  const onImportedRef = useRef(onImported);
  onImportedRef.current = onImported;
  const [items, setItems] = useState<WorkspaceItem[]>([]);
  // Revision of each drawable item's tiles: a new one makes the map ask them again.
  const [revisions, setRevisions] = useState<Record<string, number>>({});
  const revision = useRef(0);
  const drawable = useCallback((ids: string[]) => {
    setRevisions((r) => ({ ...r, ...Object.fromEntries(ids.map((id) => [id, ++revision.current])) }));
  }, []);
  const undrawable = useCallback((ids: string[]) => {
    const gone = new Set(ids);
    setRevisions((r) => Object.fromEntries(Object.entries(r).filter(([id]) => !gone.has(id))));
  }, []);
  const [storage, setStorage] = useState<StorageState>('chargement');
  const [unsaved, setUnsaved] = useState<Set<string>>(new Set());
  const fgbs = useRef(new Map<string, Uint8Array>());
  const db = useRef<Workspace | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const catalogRef = useRef(catalog);
  catalogRef.current = catalog;

  const { notices, notify, dismiss, jobs, track } = useJobs();

  const drawableRef = useRef(drawable);
  drawableRef.current = drawable;
  const client = useMemo(
    () =>
      new WorkbenchClient(
        () => new Worker(new URL('../../worker/workbench.worker.ts', import.meta.url), { type: 'module', name: 'atelier' }),
        // A fresh worker after a cancel knows nothing: give it the workspace back, then redraw it.
        () => {
          const list = [...fgbs.current].map(([id, fgb]) => ({ id, fgb }));
          if (list.length)
            client
              .run('loaded', { type: 'load', items: list })
              .promise.then((loaded) => drawableRef.current(loaded.ids))
              .catch(() => undefined);
        },
      ),
    [],
  );
  useEffect(() => () => client.dispose(), [client]);

  // MapLibre asks the workspace's tiles by URL; the worker cuts them (one small buffer each).
  useEffect(() => {
    addProtocol(TILE_SCHEME, async (params) => {
      const tile = parseTileUrl(params.url);
      if (!tile) throw new Error(`Adresse de tuile inconnue : ${params.url}`);
      const { bytes } = await client.run('tile', { type: 'tile', ...tile }).promise;
      return { data: bytes ? (bytes.buffer as ArrayBuffer) : new ArrayBuffer(0) };
    });
    return () => removeProtocol(TILE_SCHEME);
  }, [client]);

  const save = useCallback(
    async (item: WorkspaceItem, fgb: Uint8Array | null) => {
      const store = db.current;
      if (!store) {
        setUnsaved((s) => new Set(s).add(item.id));
        return;
      }
      try {
        if (fgb) await store.put(item, fgb);
        else await store.update(item);
        setUnsaved((s) => {
          if (!s.has(item.id)) return s;
          const next = new Set(s);
          next.delete(item.id);
          return next;
        });
      } catch (error) {
        setUnsaved((s) => new Set(s).add(item.id));
        notify('erreur', { key: 'wb.notice.saveFailed', params: { name: item.name } }, errorText(error));
      }
    },
    [notify],
  );

  const addItem = useCallback(
    (item: WorkspaceItem, fgb: Uint8Array) => {
      fgbs.current.set(item.id, fgb);
      drawable([item.id]);
      setItems((list) => [...list, item]);
      void save(item, fgb);
    },
    [drawable, save],
  );

  // Restore the saved workspace once.
  useEffect(() => {
    let stopped = false;
    void (async () => {
      try {
        db.current = await openWorkspace();
      } catch (error) {
        setStorage('session');
        notify('erreur', undefined, errorText(error));
        return;
      }
      const { items: saved, problems } = await db.current.list();
      problems.forEach((p) => notify('erreur', undefined, p));
      const withData: { item: WorkspaceItem; fgb: Uint8Array }[] = [];
      for (const item of saved) {
        const fgb = await db.current.getData(item.id);
        if (fgb) withData.push({ item, fgb });
        else notify('erreur', { key: 'wb.notice.dataMissing', params: { name: item.name } });
      }
      if (stopped) return;
      setStorage('ok');
      if (!withData.length) return;
      const loaded = await track({ key: 'wb.job.restore' }, (p) =>
        client.run('loaded', { type: 'load', items: withData.map((w) => ({ id: w.item.id, fgb: w.fgb })) }, p),
      );
      if (!loaded || stopped) return;
      loaded.errors.forEach((e) =>
        notify('erreur', { key: 'wb.notice.itemFailed', params: { name: withData.find((w) => w.item.id === e.id)?.item.name ?? e.id } }, e.message),
      );
      const ok = new Set(loaded.ids);
      for (const w of withData) if (ok.has(w.item.id)) fgbs.current.set(w.item.id, w.fgb);
      drawable(loaded.ids);
      setItems(withData.filter((w) => ok.has(w.item.id)).map((w) => w.item));
    })();
    return () => {
      stopped = true;
    };
  }, [client, drawable, notify, track]);

  const importFiles = useCallback(
    async (files: File[], crs?: CrsCode) => {
      if (!files.length) return [];
      const label: Message =
        files.length === 1 ? { key: 'wb.job.importOne', params: { name: files[0].name } } : { key: 'wb.job.importMany', params: { n: files.length } };
      const created: WorkspaceItem[] = [];
      // The layers are drawn (and listed) as soon as the worker holds them (it cuts their tiles); their file
      // is stored when the job ends. A cancelled or failed job takes its drawn layers away again.
      const drawn = (partial: WorkerResult) => {
        if (partial.type !== 'imported') return;
        for (const e of partial.errors) {
          const retry = e.code === 'crs-inconnu' ? { files: files.filter((f) => f.name === e.fileName), fileName: e.fileName } : undefined;
          notify('erreur', { key: 'wb.notice.importFailed' }, e.message, retry?.files.length ? retry : undefined);
        }
        for (const { summary, payload } of partial.layers) {
          const item = importedItem(payload.id, summary, nextPlacement(itemsRef.current));
          drawable([item.id]);
          setItems((list) => [...list, item]);
          itemsRef.current = [...itemsRef.current, item];
          created.push(item);
        }
        // Said in the polite live region too: the import may finish while the user is elsewhere.
        for (const item of created)
          notify('info', {
            key: 'wb.notice.imported',
            params: {
              name: item.name,
              count: { key: item.featureCount > 1 ? 'wb.count.features.other' : 'wb.count.features.one', params: { n: item.featureCount } },
            },
          });
        if (created.length) onImportedRef.current?.(created);
      };
      const result = await track(label, (p) => client.run('stored', { type: 'import', files, crs }, p, [], drawn));
      if (!result) {
        const gone = new Set(created.map((i) => i.id));
        setItems((list) => list.filter((i) => !gone.has(i.id)));
        undrawable([...gone]);
        itemsRef.current = itemsRef.current.filter((i) => !gone.has(i.id));
        return [];
      }
      for (const { id, fgb } of result.files) {
        const item = itemsRef.current.find((i) => i.id === id);
        // Removed by the user while its file was being written: nothing to keep.
        if (!item) continue;
        fgbs.current.set(id, fgb);
        void save(item, fgb);
      }
      return created;
    },
    [client, drawable, notify, save, track, undrawable],
  );

  const updateItem = useCallback(
    (id: string, patch: Partial<Pick<WorkspaceItem, 'name' | 'colour' | 'opacity' | 'visible' | 'order' | 'outlines'>>) => {
      const current = itemsRef.current.find((i) => i.id === id);
      if (!current) return;
      const next = { ...current, ...patch };
      setItems((list) => list.map((i) => (i.id === id ? next : i)));
      void save(next, null);
    },
    [save],
  );

  /** Swaps the item with its neighbour in drawing order (+1: drawn later, i.e. on top). */
  const move = useCallback(
    (id: string, direction: 1 | -1) => {
      const sorted = [...itemsRef.current].sort((a, b) => a.order - b.order);
      const i = sorted.findIndex((x) => x.id === id);
      const j = i + direction;
      if (i < 0 || j < 0 || j >= sorted.length) return;
      updateItem(sorted[i].id, { order: sorted[j].order });
      updateItem(sorted[j].id, { order: sorted[i].order });
    },
    [updateItem],
  );

  const removeItem = useCallback(
    async (id: string) => {
      setItems((list) => list.filter((i) => i.id !== id));
      undrawable([id]);
      fgbs.current.delete(id);
      client.run('removed', { type: 'remove', id }).promise.catch(() => undefined);
      try {
        await db.current?.remove(id);
      } catch (error) {
        notify('erreur', { key: 'wb.notice.removeFailed' }, errorText(error));
      }
    },
    [client, notify, undrawable],
  );

  const clearAll = useCallback(async () => {
    for (const item of itemsRef.current) client.run('removed', { type: 'remove', id: item.id }).promise.catch(() => undefined);
    setItems([]);
    setRevisions({});
    fgbs.current.clear();
    setUnsaved(new Set());
    try {
      await db.current?.clear();
      notify('info', { key: 'wb.notice.cleared' });
    } catch (error) {
      notify('erreur', { key: 'wb.notice.clearFailed' }, errorText(error));
    }
  }, [client, notify]);

  const reproject = useCallback(
    async (id: string, to: CrsCode) => {
      const item = itemsRef.current.find((i) => i.id === id);
      if (!item?.origin || item.origin.crsUsed === to) return;
      const result = await track({ key: 'wb.job.reproject', params: { name: item.name } }, (p) =>
        client.run('reprojected', { type: 'reproject', id, from: item.origin!.crsUsed, to }, p),
      );
      if (!result) return;
      const next: WorkspaceItem = {
        ...item,
        bounds: result.bounds,
        featureCount: item.featureCount - result.dropped,
        origin: { ...item.origin, crsUsed: to, crs: { ...item.origin.crs } },
      };
      if (result.dropped) notify('info', { key: 'wb.notice.dropped', params: { name: item.name, n: result.dropped } });
      fgbs.current.set(id, result.payload.fgb);
      drawable([id]);
      setItems((list) => list.map((i) => (i.id === id ? next : i)));
      void save(next, result.payload.fgb);
    },
    [client, drawable, notify, save, track],
  );

  const analyse = useCallback(
    async (source: ThematicSource, distanceM: number): Promise<WorkspaceItem | null> => {
      const result = await track({ key: 'wb.job.buffer', params: { distance: distanceM, name: source.name } }, (p) =>
        client.run('analysed', { type: 'analyse', source, distanceM, dataBase: new URL(DATA_BASE, window.location.href).href }, p),
      );
      if (!result) return null;
      const origin = source.kind === 'espace' ? itemsRef.current.find((i) => i.id === source.itemId) : undefined;
      const thematicSources = catalogRef.current ? creditsFromCatalog(catalogRef.current, result.sublayerIds) : [];
      const ownSource = source.kind === 'thematique' && catalogRef.current ? creditsFromCatalog(catalogRef.current, [source.sublayerId]) : [];
      const shape = { featureCount: result.featureCount, geometryTypes: result.geometryTypes, bounds: result.bounds };
      const credits = mergeCredits(origin?.credits ?? [], ownSource, thematicSources);
      const item = resultItem(result.payload.id, result.summary, shape, credits, nextPlacement(itemsRef.current));
      addItem(item, result.payload.fgb);
      itemsRef.current = [...itemsRef.current, item];
      return item;
    },
    [addItem, client, track],
  );

  const addFeatures = useCallback(
    async (name: string, kind: WorkspaceItem['kind'], features: GeoFeature[]): Promise<WorkspaceItem | null> => {
      const id = `ws-${crypto.randomUUID().toLowerCase()}`;
      const result = await track({ key: 'wb.job.save', params: { name } }, (p) => client.run('added', { type: 'add', id, features }, p));
      if (!result) return null;
      const shape = {
        featureCount: features.length,
        geometryTypes: result.geometryTypes,
        bounds: result.bounds,
        propertyNames: Object.keys(features[0]?.properties ?? {}),
      };
      const item = featuresItem(id, name, kind, shape, nextPlacement(itemsRef.current));
      addItem(item, result.payload.fgb);
      itemsRef.current = [...itemsRef.current, item];
      return item;
    },
    [addItem, client, track],
  );

  const exportItem = useCallback(
    async (id: string, format: ExportFormat, crs?: ExportCrs) => {
      const item = itemsRef.current.find((i) => i.id === id);
      if (!item) return;
      const result = await track({ key: 'wb.job.export', params: { name: item.name } }, (p) =>
        client.run('exported', { type: 'export', id, format, crs, name: item.name, credits: item.credits }, p),
      );
      if (!result) return;
      try {
        download(result.file);
      } catch (error) {
        notify('erreur', { key: 'wb.job.export', params: { name: item.name } }, errorText(error));
        return;
      }
      notify('info', {
        key: 'wb.notice.exported',
        params: { name: result.file.fileName, kb: Math.max(1, Math.round(result.file.bytes.length / 1024)) },
      });
    },
    [client, notify, track],
  );

  const feature = useCallback(
    async (id: string, index: number): Promise<GeoFeature | null> => {
      try {
        return (await client.run('feature', { type: 'feature', id, index }).promise).feature;
      } catch {
        return null;
      }
    },
    [client],
  );

  const estimate = useCallback(async () => (db.current ? db.current.estimate() : null), []);
  const cancel = useCallback((jobId: number) => client.cancel(jobId), [client]);

  // Whether the next start must load the workbench (src/app/state/workspace-saved.ts); only once the
  // saved workspace has been read back, so that a restore in progress never writes "empty".
  const restored = storage === 'ok' && jobs.length === 0;
  useEffect(() => {
    if (restored) rememberWorkspaceSaved(items.length > 0);
  }, [restored, items.length]);

  // One object per change of state (the callbacks are stable): the app shell receives it from
  // WorkbenchMount and re-renders only when something changed.
  return useMemo(
    () => ({
      items,
      revisions,
      jobs,
      notices,
      storage,
      unsaved,
      importFiles,
      updateItem,
      move,
      removeItem,
      clearAll,
      reproject,
      analyse,
      addFeatures,
      exportItem,
      feature,
      estimate,
      cancel,
      dismiss,
    }),
    [
      items,
      revisions,
      jobs,
      notices,
      storage,
      unsaved,
      importFiles,
      updateItem,
      move,
      removeItem,
      clearAll,
      reproject,
      analyse,
      addFeatures,
      exportItem,
      feature,
      estimate,
      cancel,
      dismiss,
    ],
  );
}

export type WorkspaceApi = ReturnType<typeof useWorkspace>;
export { WorkspaceStorageError };
