// Shared inputs of the « Ma commune » step: what the pipeline hands over, and the lookups every
// theme uses (sublayer features, their placement in the 36 communes, the layers' own metrics).
import type { BuiltCard } from '../../../layers/cards';
import type { CommuneFigure, FeatureRef } from '../../../layers/commune-profile';
import type { AreaFeature } from '../../../layers/metrics';
import { areaInsideHa, round } from '../../../layers/metrics';
import type { Member } from '../../../layers/pipeline-types';
import type { CatalogLayer, GeoFeature } from '../../../layers/types';
import { placeFeatures, type Placement } from '../commune-features';

export interface ProfileInput {
  projectRoot: string;
  layers: CatalogLayer[];
  features: Map<string, GeoFeature[]>;
  members: Member[];
  communes: AreaFeature[];
  territory: AreaFeature;
  cards: BuiltCard[];
  log: (line: string) => void;
}

/** A commune's figure before ranking: rank, ties, the CALL's total and its share come once all 36 are measured. */
export type Raw = Omit<CommuneFigure, 'rank' | 'tiedWith' | 'callTotal' | 'sharePercent'>;

export const isUnesco = (f: GeoFeature) => f.properties.unesco === true;
export const isErbm = (f: GeoFeature) => f.properties.erbm === true;
export const isTampon = (f: GeoFeature) => f.properties.zone_tampon === true;
export const notUnesco = (f: GeoFeature) => f.properties.unesco !== true;

const metricValue = (layers: CatalogLayer[], layer: string, id: string, detail?: string): number | null => {
  const m = layers.find((l) => l.id === layer)?.metrics.find((x) => x.id === id);
  if (!m) return null;
  if (detail === undefined) return m.value;
  return m.details?.find((d) => d.label === detail)?.value ?? null;
};

export type ProfileContext = ReturnType<typeof profileContext>;

export function profileContext(input: ProfileInput) {
  const { layers, features, communes, territory } = input;
  const sub = (id: string) => features.get(id) ?? [];
  // Placing a sublayer in the communes is costly: done once per sublayer, on first use.
  const placed = new Map<string, Placement[]>();
  const place = (id: string) => {
    if (!placed.has(id)) placed.set(id, placeFeatures(sub(id), communes, id === 'communes' || id === 'qpv-communes'));
    return placed.get(id)!;
  };
  const refs = (sublayer: string, code: string, where: (f: GeoFeature) => boolean = () => true): FeatureRef[] =>
    place(sublayer)
      .filter((p) => p.inside.has(code) && where(p.feature))
      .map((p) => ({
        sublayer,
        index: p.index,
        name: String(p.feature.properties.nom ?? ''),
        ...(p.feature.geometry.type === 'Point' ? {} : { inside: round(p.inside.get(code)!, 3) }),
        counted: p.owner === code,
      }));
  const counted = (list: FeatureRef[]) => list.filter((r) => r.counted).length;
  const metric = (layer: string, id: string, detail?: string) => metricValue(layers, layer, id, detail);
  const territoryHa = (list: GeoFeature[]) => round(areaInsideHa(list, territory), 1);
  return {
    sub,
    place,
    refs,
    counted,
    metric,
    territoryHa,
    qpvOutlines: sub('qpv-contours').length > 0,
    catchments: layers.find((l) => l.id === 'captages')?.items ?? [],
    hasWaste: sub('dechets-etablissements').some((f) => f.geometry?.type === 'Point'),
  };
}

/** A measured figure with the features behind it (kept in the profile for the map's highlight). */
export type RawFigure = Raw & { features?: FeatureRef[] };
