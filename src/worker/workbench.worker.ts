/// <reference lib="webworker" />
// The workbench's heavy lifting, off the main thread: reading the planner's files, reprojection,
// buffer + intersect against the thematic layers, exports. It holds the features of every workspace
// item; the main thread only gets FlatGeobuf bytes (to store) and vector tiles (to draw, see tiles.ts).
import type { GeoFeature } from '../../layers/types';
import { importFiles } from '../core/import';
import { exportThematicLayer } from './export-layer';
import { exportFeaturesAsync } from '../core/export';
import { analyseBuffer } from '../core/analysis/buffer-analysis';
import { loadThematic } from '../core/analysis/thematic-data';
import { decodeLayer, encodeFgb, encodeFgbAsync, geometryTypesOf, boundsOf, reprojectFeatures } from '../core/codec/layer-codec';
import { LayerTiles } from '../core/codec/tiles';
import type { LayerPayload, WorkerMessage, WorkerRequest, WorkerResult } from '../core/worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const layers = new Map<string, GeoFeature[]>();
const tiles = new Map<string, LayerTiles>();
let thematic: Awaited<ReturnType<typeof loadThematic>> | null = null;

const post = (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const payloadBuffers = (p: LayerPayload): ArrayBuffer[] => [p.fgb.buffer as ArrayBuffer];

/** Holds a layer's features (in the order its FlatGeobuf has) and drops the tiles cut from older ones. */
function hold(id: string, list: GeoFeature[]): void {
  layers.set(id, list);
  tiles.set(id, new LayerTiles(list));
}

const newId = (): string => `ws-${crypto.randomUUID().toLowerCase()}`;

function features(id: string): GeoFeature[] {
  const list = layers.get(id);
  if (!list) throw new Error("Cette couche n'est plus dans l'espace de travail.");
  return list;
}

/** The FlatGeobuf keeps the features' order, so an index means the same thing after a reload. */
function keep(id: string, list: GeoFeature[]): LayerPayload {
  hold(id, list);
  return { id, fgb: encodeFgb(list) };
}

type SendPartial = (result: WorkerResult, transfer: Transferable[]) => void;

async function handle(
  request: WorkerRequest,
  progress: (fraction: number, stage: string) => void,
  partial: SendPartial,
): Promise<{ result: WorkerResult; transfer: Transferable[] }> {
  switch (request.type) {
    case 'import': {
      const inputs = await Promise.all(request.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const { layers: imported, errors } = await importFiles(inputs, {
        crs: request.crs,
        onProgress: (p) => progress(p.fraction * 0.85, p.stage),
      });
      progress(0.85, 'préparation de l’affichage');
      const drawn: Extract<WorkerResult, { type: 'imported' }>['layers'] = [];
      for (const layer of imported) {
        const { features: list, ...rest } = layer;
        const id = newId();
        hold(id, list);
        drawn.push({ summary: { ...rest, featureCount: list.length }, payload: { id } });
      }
      // The map asks its tiles now; the FlatGeobuf (what is stored) is written in slices between them.
      partial({ type: 'imported', layers: drawn, errors: errors.map((e) => ({ fileName: e.fileName, code: e.code, message: e.message })) }, []);
      // The tile index is built while the page lists the layers and adds their sources, so the first
      // tiles are cut as soon as asked; the file (for storage only) comes after.
      for (const { payload } of drawn) tiles.get(payload.id)?.prepare();
      const files: { id: string; fgb: Uint8Array }[] = [];
      for (const [i, { payload }] of drawn.entries()) {
        const list = layers.get(payload.id);
        // Removed by the user while it was being written.
        if (list)
          files.push({
            id: payload.id,
            fgb: await encodeFgbAsync(list, (done) => progress(0.9 + (0.1 * (i + done)) / drawn.length, 'enregistrement')),
          });
      }
      return { result: { type: 'stored', files }, transfer: files.map((f) => f.fgb.buffer as ArrayBuffer) };
    }
    case 'load': {
      const ids: string[] = [];
      const errors: { id: string; message: string }[] = [];
      for (const [i, item] of request.items.entries()) {
        progress(i / request.items.length, 'lecture de l’espace de travail');
        try {
          hold(item.id, await decodeLayer(item.fgb));
          ids.push(item.id);
        } catch (error) {
          errors.push({ id: item.id, message: error instanceof Error ? error.message : String(error) });
        }
      }
      // Only the ids go back: the page keeps the bytes it sent.
      return { result: { type: 'loaded', ids, errors }, transfer: [] };
    }
    case 'reproject': {
      const { features: moved, dropped } = reprojectFeatures(features(request.id), request.from, request.to);
      if (moved.length === 0)
        throw new Error('Aucune entité ne tombe en France métropolitaine avec ce système de coordonnées : la couche est inchangée.');
      const payload = keep(request.id, moved);
      return { result: { type: 'reprojected', payload, bounds: boundsOf(moved), dropped }, transfer: payloadBuffers(payload) };
    }
    case 'analyse': {
      progress(0, 'lecture des couches thématiques');
      thematic ??= await loadThematic(request.dataBase);
      const source = request.source;
      let sourceFeatures: GeoFeature[];
      if (source.kind === 'espace') {
        const list = features(source.itemId);
        sourceFeatures = source.featureIndex === undefined ? list : [list[source.featureIndex]].filter(Boolean);
      } else {
        const input = thematic.inputs.find((t) => t.sublayerId === source.sublayerId);
        const f = input?.features[source.index];
        if (!f) throw new Error("L'entité choisie n'existe plus dans les données de l'atlas.");
        sourceFeatures = [f];
      }
      const output = analyseBuffer(sourceFeatures, request.distanceM, thematic.inputs, source, progress);
      if (thematic.missing.length) output.summary.missing = thematic.missing;
      const payload = keep(newId(), output.features);
      const list = layers.get(payload.id) ?? [];
      return {
        result: {
          type: 'analysed',
          summary: output.summary,
          payload,
          featureCount: list.length,
          geometryTypes: geometryTypesOf(list),
          bounds: boundsOf(list),
          sublayerIds: thematic.inputs.map((t) => t.sublayerId),
        },
        transfer: payloadBuffers(payload),
      };
    }
    case 'export': {
      const file = await exportFeaturesAsync(features(request.id), {
        format: request.format,
        crs: request.crs,
        name: request.name,
        credits: request.credits,
        onProgress: (f) => progress(f, 'écriture du fichier'),
      });
      return { result: { type: 'exported', file }, transfer: [file.bytes.buffer as ArrayBuffer] };
    }
    case 'export-layer': {
      const file = await exportThematicLayer(request, progress);
      return { result: { type: 'exported', file }, transfer: [file.bytes.buffer as ArrayBuffer] };
    }
    case 'feature':
      return { result: { type: 'feature', feature: layers.get(request.id)?.[request.index] ?? null }, transfer: [] };
    case 'add': {
      const payload = keep(request.id, request.features);
      const list = layers.get(request.id) ?? [];
      return { result: { type: 'added', payload, geometryTypes: geometryTypesOf(list), bounds: boundsOf(list) }, transfer: payloadBuffers(payload) };
    }
    case 'remove':
      layers.delete(request.id);
      tiles.delete(request.id);
      return { result: { type: 'removed' }, transfer: [] };
    case 'tile': {
      const bytes = tiles.get(request.id)?.tile(request.z, request.x, request.y) ?? null;
      return { result: { type: 'tile', bytes }, transfer: bytes ? [bytes.buffer as ArrayBuffer] : [] };
    }
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { jobId } = request;
  let last = 0;
  // Progress messages are throttled: a message per feature chunk would flood the main thread.
  const progress = (fraction: number, stage: string) => {
    const now = performance.now();
    if (now - last < 80 && fraction < 1) return;
    last = now;
    post({ jobId, kind: 'progress', fraction, stage });
  };
  const partial: SendPartial = (result, transfer) => post({ jobId, kind: 'partial', result }, transfer);
  handle(request, progress, partial).then(
    ({ result, transfer }) => post({ jobId, kind: 'done', result }, transfer),
    (error: unknown) => {
      const code = typeof error === 'object' && error && 'code' in error ? String((error as { code: unknown }).code) : undefined;
      post({ jobId, kind: 'error', message: error instanceof Error ? error.message : String(error), code });
    },
  );
};
