// « Ma commune »: the profile of each of the 36 communes, as written by the pipeline to
// public/data/communes.json and read by the app. Isomorphic: types and the ranking rule only.

/** A feature of a sublayer, addressed as the app addresses it (index in the .fgb file's order). */
export interface FeatureRef {
  sublayer: string;
  index: number;
  name: string;
  /** Part of the feature inside the commune (ha or km) when it is a polygon or a line. */
  inside?: number;
  /** False when the feature lies mostly in another commune (it is then counted there). */
  counted?: boolean;
}

export interface CommuneFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** 1 = the largest value of the 36; communes with equal values share a rank. */
  rank: number;
  /** How many communes share this rank (1 when alone). */
  tiedWith: number;
  /** The CALL's figure (the catalog's metric where it has one, else the same measure over the territory). */
  callTotal: number;
  /** value / callTotal in percent, for additive figures. */
  sharePercent?: number;
  /** Plain French sentence when the commune has nothing on this layer (« aucun terril recensé »). */
  none?: string;
  /** Why the value is approximate, when it is (positions of sites...). */
  approximate?: string;
  note?: string;
  /** The features this figure counts or measures, for links to the map. */
  features?: FeatureRef[];
  /** The layer the figure comes from. */
  layer: string;
}

export interface NearestSite {
  name: string;
  commune: string;
  km: number;
  /** Radius of the site's position uncertainty, in metres (0 when exact). */
  precisionM: number;
  precision: string;
  precisionText: string;
  /** The distance is known to ± this many km (the site's position precision). */
  plusMinusKm: number;
  feature: FeatureRef;
  /** The site's position as the layer places it, [lon, lat]. */
  position: [number, number];
}

export interface ReportQuote {
  /** The sentence, as a reader sees it (markdown emphasis and tags removed). */
  quote: string;
  /** The heading under which it stands, and the chain of headings above it. */
  section: string;
  path: string[];
  /** 1-based line of the report where the sentence's paragraph starts. */
  line: number;
}

export interface CardMention {
  id: string;
  title: string;
  /** Why the card concerns the commune: its linked features lie there, or its text names it. */
  reasons: ('objets' | 'texte' | 'territoire')[];
}

export interface QpvEntry {
  code: string;
  nom: string;
  /** Communes the QPV spreads over (a QPV may straddle a limit). */
  communes: string[];
}

export interface CommuneProfile {
  code: string;
  nom: string;
  population: number;
  feature: FeatureRef;
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
  /** The point distances are measured from: Turf's pointOnFeature of the commune polygon. */
  referencePoint: [number, number];
  figures: CommuneFigure[];
  qpv: QpvEntry[];
  /** Whether QPV outlines exist in the data (otherwise only the list by commune). */
  qpvOutlines: boolean;
  wasteSites: FeatureRef[];
  nearestWasteSite: NearestSite | null;
  catchments: { name: string; detail: string }[];
  cards: CardMention[];
  quotes: ReportQuote[];
}

/** A figure's CALL total beside the sum of the 36 communes, and why they may differ. */
export interface FigureTotal {
  id: string;
  label: string;
  unit: string;
  /** 'somme': the 36 values add up to the CALL's; 'moyenne': the CALL's figure is their mean; 'liste': items may count in several communes. */
  kind: 'somme' | 'moyenne' | 'liste';
  callTotal: number;
  sumOfCommunes: number;
  /** callTotal − sumOfCommunes, when the kind is 'somme'. */
  gap: number;
}

export interface CommunesFile {
  version: 1;
  generatedAt: string;
  populationYear: string | null;
  referencePoint: string;
  rankRule: string;
  /** The report the quotes come from; null when it was not found at build time. */
  report: { file: string; sha256: string } | null;
  reportMissing?: string;
  totals: FigureTotal[];
  /** Why a CALL total measured within the EPCI outline may differ from the sum of the 36 communes. */
  totalsNote: string;
  communes: CommuneProfile[];
}

/**
 * Competition ranking, largest first (1, 2, 2, 4): the rank a reader expects from « 3e sur 36 ».
 * Values are compared as stored (rounded), so two communes shown equal share a rank.
 */
export function ranks(values: number[]): { rank: number; tiedWith: number }[] {
  return values.map((v) => ({ rank: 1 + values.filter((w) => w > v).length, tiedWith: values.filter((w) => w === v).length }));
}

/** Accent-, case- and hyphen-insensitive form of a place name; « lez » and « lès » are one word. */
export function placeKey(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(/\bLEZ\b/g, 'LES')
    .trim()} `;
}
