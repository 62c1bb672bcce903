// Messages between the app and the workbench worker. Geometry crosses as transferable buffers:
// FlatGeobuf bytes (what the workspace stores) and vector tiles (what the map draws, one tile per
// request), so a 100,000-feature import never structured-clones 100,000 objects into the main thread.
import type { Bounds, GeoFeature } from '../../layers/types';
import type { AnalysisSummary, CrsCode, Credit, ExportCrs, ExportFormat, ExportedFile, ImportedLayer } from './types';

/** An imported layer without its features (they stay in the worker). */
export type ImportedLayerSummary = Omit<ImportedLayer, 'features'> & { featureCount: number };

/** What the main thread keeps of a layer held by the worker. */
export interface LayerPayload {
  id: string;
  /** FlatGeobuf with spatial index: persisted in IndexedDB, decoded again on reload. */
  fgb: Uint8Array;
}

/** A layer as soon as it can be drawn (its tiles are served): its FlatGeobuf is written afterwards (`stored`). */
export interface DrawnPayload {
  id: string;
}

export type ThematicSource =
  { kind: 'espace'; itemId: string; featureIndex?: number; name: string } | { kind: 'thematique'; sublayerId: string; index: number; name: string };

export type WorkerRequest =
  | { type: 'import'; jobId: number; files: File[]; crs?: CrsCode }
  | { type: 'load'; jobId: number; items: { id: string; fgb: Uint8Array }[] }
  | { type: 'reproject'; jobId: number; id: string; from: CrsCode; to: CrsCode }
  | { type: 'analyse'; jobId: number; source: ThematicSource; distanceM: number; dataBase: string }
  | { type: 'export'; jobId: number; id: string; format: ExportFormat; crs?: ExportCrs; name: string; credits: Credit[] }
  /** A thematic sublayer exported from the layer panel: the worker reads its FlatGeobuf (`dataBase` + `file`) itself. */
  | { type: 'export-layer'; jobId: number; file: string; dataBase: string; format: ExportFormat; crs?: ExportCrs; name: string; credits: Credit[] }
  | { type: 'feature'; jobId: number; id: string; index: number }
  | { type: 'add'; jobId: number; id: string; features: GeoFeature[] }
  | { type: 'remove'; jobId: number; id: string }
  /** One vector tile of a layer the worker holds (MapLibre asks them through `addProtocol`). */
  | { type: 'tile'; jobId: number; id: string; z: number; x: number; y: number };

export type WorkerResult =
  /** Sent early (a `partial` message): the layers are drawn while their files are written. */
  | {
      type: 'imported';
      layers: { summary: ImportedLayerSummary; payload: DrawnPayload }[];
      errors: { fileName: string; code: string; message: string }[];
    }
  /** The import's end: each drawn layer's FlatGeobuf, to store. */
  | { type: 'stored'; files: { id: string; fgb: Uint8Array }[] }
  /** The layers now held (their tiles can be asked); the page keeps the bytes it sent. */
  | { type: 'loaded'; ids: string[]; errors: { id: string; message: string }[] }
  | { type: 'reprojected'; payload: LayerPayload; bounds: Bounds | null; dropped: number }
  | {
      type: 'analysed';
      summary: AnalysisSummary;
      payload: LayerPayload;
      featureCount: number;
      geometryTypes: Record<string, number>;
      bounds: Bounds | null;
      sublayerIds: string[];
    }
  | { type: 'exported'; file: ExportedFile }
  | { type: 'feature'; feature: GeoFeature | null }
  | { type: 'added'; payload: LayerPayload; geometryTypes: Record<string, number>; bounds: Bounds | null }
  | { type: 'removed' }
  /** Null where the layer has nothing (or is no longer held). */
  | { type: 'tile'; bytes: Uint8Array | null };

export type WorkerMessage =
  | { jobId: number; kind: 'progress'; fraction: number; stage: string }
  | { jobId: number; kind: 'partial'; result: WorkerResult }
  | { jobId: number; kind: 'done'; result: WorkerResult }
  | { jobId: number; kind: 'error'; message: string; code?: string };
