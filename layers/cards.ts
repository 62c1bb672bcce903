// Report cards: the report's key figures (quoted exactly) beside what the map measures. The
// content lives in geodata/cards/*.json (validated against geodata/cards/card.schema.json); the
// pipeline computes the measures with the layers' metric functions and writes public/data/cards.json.
// Isomorphic: the app reads the same types and matches features with the same filter.

export const FINALITES = {
  climat: 'Lutter contre le changement climatique',
  biodiversite: 'Préserver la biodiversité, les milieux et les ressources',
  cohesion: 'Participer à la cohésion sociale et la solidarité entre les territoires et les générations',
  epanouissement: "Favoriser l'épanouissement de tous les êtres humains",
  production: 'Permettre une dynamique de développement suivant des modes de production et de consommations responsables',
} as const;
export type FinaliteId = keyof typeof FINALITES;

/** Features of a sublayer whose `field` takes one of `values` (compared as text). */
export interface FeatureFilter {
  field: string;
  values: (string | number | boolean)[];
}

export type MeasureOp = 'nombre' | 'longueur-km' | 'surface-ha' | 'longueur-dans-call-km' | 'surface-dans-call-ha';

export interface CardMeasure {
  /** A metric the pipeline already computes for a layer (optionally one line of its details)... */
  metric?: { layer: string; id: string; detail?: string };
  /** ...or a measure of a sublayer's features, optionally filtered. */
  op?: MeasureOp;
  sublayer?: string;
  filter?: FeatureFilter;
  /** Why reported and measured may differ: vintage, scope, generalisation. */
  explanation: string;
}

export interface CardFigure {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Verbatim extract of the report; the value is written in it. */
  quote: string;
  /** Heading of the report under which the quote stands. */
  section: string;
  measure?: CardMeasure;
  /** When the map has no data for this figure: what is missing. */
  noMeasure?: string;
}

/** A measurement of the map that the report does not quote, shown as "what the map measures too". */
export interface MapMeasure {
  id: string;
  label: string;
  measure: CardMeasure;
}

export interface CardChart {
  id: string;
  title: string;
  kind: 'barres' | 'parts';
  unit: string;
  figures: string[];
}

export interface CardLink {
  sublayer: string;
  filter?: FeatureFilter;
}

/** A heading of the report; `occurrence` tells apart headings the report repeats word for word. */
export interface SectionRef {
  section: string;
  occurrence?: number;
}

/** A section of the report deliberately left without a card (geodata/cards/exclusions.json). */
export interface ReportExclusion extends SectionRef {
  kind: 'sommaire' | 'intertitre' | 'introduction' | 'références' | 'conclusion' | 'glossaire';
  /** Why, in French, for the reader. */
  reason: string;
}

export interface ReportCard {
  id: string;
  title: string;
  summary: string;
  /** "Partie 2 : les actions menées sur le territoire de la CALL et envers sa population" */
  part: string;
  /** The report's policy heading, e.g. "Une politique de mobilités attractive et engagée". */
  theme: string;
  section: string;
  /** When the report repeats the section's heading word for word: which occurrence (1 when absent). */
  sectionOccurrence?: number;
  /** Further headings this card covers: the same section continued after a page break (« … (2) »). */
  moreSections?: SectionRef[];
  finalites: {
    values: FinaliteId[];
    /** 'rapport': the text names them; 'atlas': the pictograms were lost in the text, our reading. */
    origin: 'rapport' | 'atlas';
    quote?: string;
  };
  officials: { name: string; role: string; quote: string }[];
  partners: string[];
  perspectives: string[];
  figures: CardFigure[];
  charts?: CardChart[];
  /** Measurements the map makes for this card beyond the report's figures. */
  mapMeasures?: MapMeasure[];
  links: CardLink[];
}

export interface MeasuredValue {
  value: number;
  unit: string;
  /** measured − reported, when both are in the same unit. */
  difference: number | null;
  explanation: string;
}

export interface MapMeasured {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Breakdown when the measure has one (e.g. distance per commune). */
  details?: { label: string; value: number }[];
  explanation: string;
}

export interface BuiltCard extends ReportCard {
  measured: Record<string, MeasuredValue>;
  mapMeasured: MapMeasured[];
}

export interface CardsFile {
  version: 1;
  /** The report: title, the authority that published it, date and number of the council act. */
  report: { title: string; authority?: string; date: string; act: string };
  cards: BuiltCard[];
}

export const OP_UNIT: Record<MeasureOp, string> = {
  nombre: 'nombre',
  'longueur-km': 'km',
  'surface-ha': 'ha',
  'longueur-dans-call-km': 'km',
  'surface-dans-call-ha': 'ha',
};

export function matchesFilter(properties: Record<string, unknown>, filter: FeatureFilter | undefined): boolean {
  if (!filter) return true;
  const value = properties[filter.field];
  return filter.values.some((v) => String(v) === String(value));
}
