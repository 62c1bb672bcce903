// Contracts of the planner workbench, shared by the import code (worker and `npm run inspect`), the
// analysis, the exports, the IndexedDB workspace and the UI. Isomorphic: no DOM, no Node API.
import type { Bounds, GeoFeature } from '../../layers/types';

/** File formats the workbench reads. */
export type ImportFormat = 'geojson' | 'flatgeobuf' | 'kml' | 'kmz' | 'gpx' | 'shapefile' | 'csv';

/** Coordinate systems the workbench recognises and reprojects from. */
export type CrsCode = 'EPSG:4326' | 'EPSG:2154' | 'EPSG:3950' | 'EPSG:3857';

/** Where the detected CRS comes from (shown to the user, who may override it). */
export type CrsSource = 'prj' | 'membre-crs' | 'format' | 'etendue' | 'utilisateur' | 'inconnu';

export interface CrsDetection {
  /** Detected system; null when nothing fits (the import then stops and asks for a choice). */
  code: CrsCode | null;
  source: CrsSource;
  /** One French sentence saying how it was detected, e.g. "fichier .prj : RGF93 / Lambert-93". */
  detail: string;
  /** Systems that also fit the coordinate ranges, most plausible first (for the override list). */
  candidates: CrsCode[];
}

/** One file handed to the importer (from a drop, the file picker or the command line). */
export interface ImportInput {
  name: string;
  bytes: Uint8Array;
}

export interface ImportProgress {
  /** 0..1 */
  fraction: number;
  /** French stage name: "lecture", "reprojection"… */
  stage: string;
}

export interface ImportOptions {
  /** User override of the detected CRS. */
  crs?: CrsCode;
  onProgress?: (progress: ImportProgress) => void;
  /** Checked between chunks: a cancelled import throws ImportCancelled. */
  signal?: { readonly aborted: boolean };
}

/** One layer read from a file (a zip may hold several shapefiles, a KML several folders: one each). */
export interface ImportedLayer {
  fileName: string;
  /** Layer name offered to the user (file or folder name without extension). */
  name: string;
  format: ImportFormat;
  crs: CrsDetection;
  /** System the coordinates were reprojected from (the detection or the user's override). */
  crsUsed: CrsCode;
  /** WGS84 lon/lat, RFC 7946. */
  features: GeoFeature[];
  /** Count per GeoJSON geometry type. */
  geometryTypes: Record<string, number>;
  bounds: Bounds | null;
  propertyNames: string[];
  /** French, each naming the file: skipped features, guessed encodings, dropped Z… */
  warnings: string[];
}

/** Credit of a source a layer derives from, burnt into every export. */
export interface Credit {
  /** e.g. "Mission Bassin Minier", "Fichier importé « corridor.zip »" */
  producer: string;
  /** Vintage or date of last update, as the source gives it. */
  date: string;
  licence: string;
  /** Full attribution sentence, e.g. "© les contributeurs d'OpenStreetMap (ODbL)". */
  attribution: string;
}

export type Rgb = [number, number, number];

/** Per thematic sublayer: what a buffer touches. */
export interface SublayerHit {
  layerId: string;
  sublayerId: string;
  /** French title "Chaîne des Parcs — terrils". */
  title: string;
  count: number;
  /** Names of the touched features (index in the sublayer file + display name). */
  features: { index: number; name: string }[];
  /** Length of line features inside the buffer, km (null when the sublayer has no lines). */
  lengthKm: number | null;
  /** Area of polygon features inside the buffer, ha (null when the sublayer has no polygons). */
  areaHa: number | null;
}

export interface AnalysisSummary {
  /** What was buffered: a workspace item, one of its features, or a thematic feature. */
  source:
    { kind: 'espace'; itemId: string; name: string; featureIndex?: number } | { kind: 'thematique'; sublayerId: string; index: number; name: string };
  distanceM: number;
  /** Area of the buffer itself, ha. */
  bufferAreaHa: number;
  hits: SublayerHit[];
  /** Thematic sublayers that could not be read for this analysis, in French. */
  missing?: string[];
  computedAt: string;
}

/** Metadata of one workspace item (its features are stored apart, as FlatGeobuf bytes). */
export interface WorkspaceItem {
  id: string;
  kind: 'import' | 'resultat' | 'mesure';
  name: string;
  colour: Rgb;
  /** 0..1 */
  opacity: number;
  /** Drawing order among workspace items, low first. */
  order: number;
  visible: boolean;
  createdAt: string;
  featureCount: number;
  geometryTypes: Record<string, number>;
  bounds: Bounds | null;
  propertyNames: string[];
  /** For imports: the file and how it was read. */
  origin?: { fileName: string; format: ImportFormat; crs: CrsDetection; crsUsed: CrsCode; warnings: string[] };
  /** For analysis results. */
  analysis?: AnalysisSummary;
  credits: Credit[];
  /**
   * Polygon outlines drawn or not; absent = automatic (`outlinesShown`): hidden past
   * OUTLINE_AUTO_LIMIT polygons, where outlines cost a software-rendered frame a minute.
   */
  outlines?: boolean;
}

export type ExportFormat = 'geojson' | 'flatgeobuf' | 'csv' | 'kml' | 'shapefile' | 'geopackage';

/** Systems an export can be written in (the workspace itself is WGS 84). */
export type ExportCrs = 'EPSG:4326' | 'EPSG:2154' | 'EPSG:3950';

export interface ExportedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}
