// Contract between the pipeline orchestrator (scripts/geodata) and each layer's selection rule
// (layers/*/pipeline.ts). Isomorphic: the rules receive plain data, never files or the network.
import type { AreaFeature } from './metrics';
import type { GeoFeature, ListItem, Metric } from './types';

export interface Member {
  code: string;
  nom: string;
  /** Population municipale (DGCL table of the EPCI's members). */
  population: number;
}

export interface SourceInput {
  id: string;
  features: GeoFeature[];
  rows: Record<string, string>[];
  origin: 'miroir' | 'local' | 'telechargement';
}

export interface PipelineContext {
  /** A required source; throws (the layer is then marked in error) when it is missing. */
  input(id: string): SourceInput;
  /** An optional source, or null when no mirror, local file or download provides it. */
  optional(id: string): SourceInput | null;
  /**
   * Validated features of a sublayer built earlier in the run, for a layer that reuses or
   * measures another layer's features (throws when that sublayer is not built).
   */
  sublayer(id: string): GeoFeature[];
  members: Member[];
  /** Set once the communes layer is built; every other layer selects against them. */
  territory: AreaFeature;
  communes: AreaFeature[];
}

export interface LayerBuild {
  /** Features read from the layer's sources, before selection. */
  read: number;
  sublayers: Record<string, GeoFeature[]>;
  items?: ListItem[];
  missing?: string;
  messages?: string[];
}

export interface LayerPipeline {
  layerId: string;
  select(ctx: PipelineContext): LayerBuild;
  measure(sublayers: Record<string, GeoFeature[]>, ctx: PipelineContext): Metric[];
}
