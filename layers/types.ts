// Shared vocabulary of the thematic layers. Isomorphic: imported by the pipeline (Node) and the app
// (browser), so nothing here may touch the DOM or Node-only APIs.
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';

export type Rgba = [number, number, number, number];
export type Bounds = [west: number, south: number, east: number, north: number];
export type GeoFeature = Feature<Geometry, Record<string, unknown>>;
export type Properties = NonNullable<GeoJsonProperties>;

/** Colours the whole UI derives from; a high-contrast or print theme is another value of this type. */
export interface Theme {
  id: 'clair' | 'contraste';
  background: Rgba;
  land: Rgba;
  territoryFill: Rgba;
  territoryLine: Rgba;
  communeLine: Rgba;
  label: Rgba;
  labelHalo: Rgba;
  highlight: Rgba;
  /** One colour per thematic family; layer modules pick from here, never invent their own. */
  palette: {
    velo: Rgba;
    parc: Rgba;
    terril: Rgba;
    cavalier: Rgba;
    citeUnesco: Rgba;
    citeErbm: Rgba;
    citeTampon: Rgba;
    patrimoine: Rgba;
    qpv: Rgba;
    eau: Rgba;
    dechet: Rgba;
  };
}

/** Fill patterns and point markers: the second visual channel, so that no legend relies on colour alone. */
export type FillPattern = 'plein' | 'hachures' | 'hachures-inverses' | 'croisillons' | 'points';
export type Marker = 'cercle' | 'carre' | 'triangle' | 'losange' | 'croix';

/** Declarative symbol: the renderer (deck.gl) and the legend (SVG) both read it. */
export interface SymbolStyle {
  fill?: Rgba;
  pattern?: FillPattern;
  line: Rgba;
  /** Stroke width in CSS pixels. */
  lineWidth: number;
  /** Dash pattern in multiples of the line width; absent = solid. */
  dash?: [number, number];
  /**
   * Points: the marker drawn at the site. Polygons: a mark drawn at each feature's label point, for
   * areas whose outline is not the subject's own (e.g. communes containing a QPV without its outline).
   */
  marker?: Marker;
  /** Marker size in CSS pixels. */
  markerSize?: number;
}

/** A legend class: the first class whose `when` matches a feature gives its symbol. */
export interface StyleClass {
  id: string;
  label: string;
  when?: (properties: Properties) => boolean;
  symbol: SymbolStyle;
}

export interface PopupField {
  key: string;
  label: string;
  /** How to show the value; values are always rendered as text, never as HTML. */
  format?: 'texte' | 'nombre' | 'ha' | 'km' | 'm' | 'liste' | 'oui-non' | 'lien';
}

export type GeometryKind = 'polygon' | 'line' | 'point';

/** One FlatGeobuf file of a layer (a layer may have several, e.g. cités and mine shafts). */
export interface SublayerDefinition {
  id: string;
  title: string;
  geometry: GeometryKind;
  classes: (theme: Theme) => StyleClass[];
  /** Property holding the feature's display name. */
  nameField: string;
  popupFields: PopupField[];
  defaultVisible: boolean;
  /**
   * For features whose position is approximate: radius of uncertainty in metres, drawn as a
   * dashed circle around the marker so nobody takes it for an exact site.
   */
  uncertaintyMetres?: (properties: Properties) => number | null;
  /**
   * Id of another layer's sublayer whose features this one shows with its own style: the same
   * file, never a copy, loaded once by the app (e.g. the green corridors of the TVB layer).
   */
  from?: string;
  /** Property written beside the mark of a polygon class that has a `marker` (e.g. the QPV names). */
  markText?: string;
}

export type MetricUnit = 'km' | 'ha' | 'm' | 'nombre' | '%' | 'habitants';

export interface Metric {
  id: string;
  label: string;
  value: number;
  unit: MetricUnit;
  /** Optional breakdown, e.g. EV5 length per commune. */
  details?: { label: string; value: number }[];
  note?: string;
}

/** A thing the layer knows of but cannot place (no geometry in any source). */
export interface ListItem {
  name: string;
  commune?: string;
  detail?: string;
  source: string;
}

export interface LayerDefinition {
  id: string;
  title: string;
  description: string;
  /** Source ids from geodata/sources.json. */
  sources: string[];
  sublayers: SublayerDefinition[];
  defaultVisible: boolean;
  /** Drawing order, low first. */
  order: number;
  /** Shown when the layer has features without exact geometry or no geometry at all. */
  caveat?: string;
}

/** Per-layer report of the pipeline run. */
export interface StepReport {
  read: number;
  kept: number;
  repaired: number;
  skipped: number;
  messages: string[];
}

export type LayerStatus = 'ok' | 'partiel' | 'sans-geometrie' | 'erreur';

export interface CatalogSublayer {
  id: string;
  title: string;
  file: string | null;
  featureCount: number;
  bounds: Bounds | null;
  geometry: GeometryKind;
  /** Set when the sublayer shows another sublayer's file (`file` is then that sublayer's). */
  from?: string;
}

export interface CatalogLayer {
  id: string;
  title: string;
  status: LayerStatus;
  /** Why the layer is in error or partial, in French, for the badge. */
  statusMessage?: string;
  sublayers: CatalogSublayer[];
  metrics: Metric[];
  items: ListItem[];
  /** Plain statement of what is missing and where it would come from. */
  missing?: string;
  sources: string[];
  report: StepReport;
}

export interface CatalogSource {
  id: string;
  title: string;
  producer: string;
  vintage: string;
  licence: string;
  licenceUrl?: string;
  attribution: string;
  /** Where the bytes came from in this build. */
  origin: 'miroir' | 'local' | 'telechargement' | 'absente';
  sha256: string | null;
}

export interface Catalog {
  version: 1;
  generatedAt: string;
  territory: { name: string; epci: string; bounds: Bounds };
  layers: CatalogLayer[];
  sources: CatalogSource[];
  /** sha256 of every input file and of the pipeline code: the build is skipped when unchanged. */
  inputsDigest: string;
}
