// Cards step: read geodata/cards/*.json, validate them against their schema, check them against
// the catalog (layers, sublayers, metrics exist), and measure what each card declares with the
// layers' metric functions.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { BuiltCard, CardFigure, CardMeasure, ReportCard, ReportExclusion } from '../../layers/cards';
import { matchesFilter, OP_UNIT } from '../../layers/cards';
import type { AreaFeature } from '../../layers/metrics';
import { areaHa, areaInsideHa, lengthInsideKm, lengthKm, round } from '../../layers/metrics';
import type { CatalogLayer, GeoFeature } from '../../layers/types';

export function cardsDir(projectRoot: string): string {
  return join(projectRoot, 'geodata', 'cards');
}

/** The list of report sections deliberately left without a card, beside the cards. */
export const EXCLUSIONS_FILE = 'exclusions.json';

const isCardFile = (f: string) => f.endsWith('.json') && !f.endsWith('.schema.json') && f !== EXCLUSIONS_FILE;

/** Same heading, same occurrence: the key under which a section is covered. */
export const sectionKey = (section: string, occurrence: number | undefined) => `${section.replace(/\s+/g, ' ').trim()}#${occurrence ?? 1}`;

/** Reads and schema-validates the sections left out, each with its reason; throws one French message. */
export function loadExclusions(projectRoot: string): ReportExclusion[] {
  const dir = cardsDir(projectRoot);
  const file = join(dir, EXCLUSIONS_FILE);
  if (!existsSync(file)) return [];
  const schema = JSON.parse(readFileSync(join(dir, 'exclusions.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Sections exclues invalides : ${EXCLUSIONS_FILE} : JSON illisible (${(error as Error).message})`, { cause: error });
  }
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map((e) => `${EXCLUSIONS_FILE} : ${e.instancePath || '/'} ${e.message ?? ''}`);
    throw new Error(`Sections exclues invalides :\n  ${problems.join('\n  ')}`);
  }
  const exclusions = (data as { exclusions: ReportExclusion[] }).exclusions;
  const keys = exclusions.map((e) => sectionKey(e.section, e.occurrence));
  const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (twice.length > 0) throw new Error(`Sections exclues invalides : ${EXCLUSIONS_FILE} : section listée deux fois (${twice.join(', ')})`);
  return exclusions;
}

/** Reads and schema-validates every card; throws one French message listing every problem. */
export function loadCards(projectRoot: string): ReportCard[] {
  const dir = cardsDir(projectRoot);
  const schema = JSON.parse(readFileSync(join(dir, 'card.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
  const problems: string[] = [];
  const cards: ReportCard[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter(isCardFile).sort() : [];
  for (const file of files) {
    let card: unknown;
    try {
      card = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file} : JSON illisible (${(error as Error).message})`);
      continue;
    }
    if (!validate(card)) {
      for (const e of validate.errors ?? []) problems.push(`${file} : ${e.instancePath || '/'} ${e.message ?? ''}`);
      continue;
    }
    const typed = card as ReportCard;
    if (`${typed.id}.json` !== file) problems.push(`${file} : l'identifiant « ${typed.id} » doit être le nom du fichier`);
    const ids = typed.figures.map((f) => f.id);
    if (new Set(ids).size !== ids.length) problems.push(`${file} : identifiants de chiffres en double`);
    for (const chart of typed.charts ?? []) {
      for (const id of chart.figures)
        if (!ids.includes(id)) problems.push(`${file} : le graphique « ${chart.id} » cite un chiffre inconnu « ${id} »`);
    }
    cards.push(typed);
  }
  // A section is either a card's or left out with a reason, never both (the report itself is
  // not read here: tests/unit/report-coverage.test.ts checks every section against it).
  const excluded = new Set(loadExclusions(projectRoot).map((e) => sectionKey(e.section, e.occurrence)));
  for (const card of cards) {
    for (const ref of [{ section: card.section, occurrence: card.sectionOccurrence }, ...(card.moreSections ?? [])])
      if (excluded.has(sectionKey(ref.section, ref.occurrence)))
        problems.push(`${card.id}.json : la section « ${ref.section} » est aussi listée dans ${EXCLUSIONS_FILE}`);
  }
  if (problems.length > 0) throw new Error(`Fiches du rapport invalides :\n  ${problems.join('\n  ')}`);
  return cards;
}

export interface MeasureContext {
  layers: CatalogLayer[];
  /** Validated features of every sublayer, as written to FlatGeobuf. */
  features: Map<string, GeoFeature[]>;
  territory: AreaFeature;
}

interface Measured {
  value: number;
  unit: string;
  details?: { label: string; value: number }[];
}

function measureValue(m: CardMeasure, ctx: MeasureContext, where: string): Measured {
  if (m.metric) {
    const layer = ctx.layers.find((l) => l.id === m.metric!.layer);
    const metric = layer?.metrics.find((x) => x.id === m.metric!.id);
    if (!metric) throw new Error(`${where} : mesure « ${m.metric.layer}/${m.metric.id} » inconnue`);
    if (m.metric.detail === undefined) return { value: metric.value, unit: metric.unit, ...(metric.details ? { details: metric.details } : {}) };
    const detail = metric.details?.find((d) => d.label === m.metric!.detail);
    if (!detail) throw new Error(`${where} : détail « ${m.metric.detail} » absent de la mesure « ${m.metric.id} »`);
    return { value: detail.value, unit: metric.unit };
  }
  const features = ctx.features.get(m.sublayer!);
  if (!features) throw new Error(`${where} : sous-couche « ${m.sublayer} » inconnue`);
  const chosen = features.filter((f) => matchesFilter(f.properties, m.filter));
  if (m.filter && chosen.length === 0)
    throw new Error(`${where} : aucun objet de « ${m.sublayer} » ne correspond au filtre ${JSON.stringify(m.filter)}`);
  const unit = OP_UNIT[m.op!];
  switch (m.op!) {
    case 'nombre':
      return { value: chosen.length, unit };
    case 'longueur-km':
      return { value: round(lengthKm(chosen), 2), unit };
    case 'surface-ha':
      return { value: round(areaHa(chosen), 1), unit };
    case 'longueur-dans-call-km':
      return { value: round(lengthInsideKm(chosen, ctx.territory), 2), unit };
    case 'surface-dans-call-ha':
      return { value: round(areaInsideHa(chosen, ctx.territory), 1), unit };
  }
}

/** Physical units; any other unit of a reported figure is a count noun (cités, terrils, communes...). */
const PHYSICAL = /^(km|ha|m|m²|%|t|kg|kWc|kWh|MWh|M€|€|pays)\b/;

/** Whether reported and measured are the same quantity, so that the difference can be given. */
const sameUnit = (reported: string, measured: string) => reported === measured || (measured === 'nombre' && !PHYSICAL.test(reported));

/**
 * The layer a measure reads, when that layer could not be built (an unreadable source): the
 * measure is then left out (the card shows « pas de donnée », the layer its error badge) instead
 * of stopping the whole build. A measure naming nothing known still fails loudly.
 */
function layerInError(m: CardMeasure, layers: CatalogLayer[]): CatalogLayer | null {
  const layer = m.metric ? layers.find((l) => l.id === m.metric!.layer) : layers.find((l) => l.sublayers.some((s) => s.id === m.sublayer));
  return layer?.status === 'erreur' ? layer : null;
}

export function measureCards(cards: ReportCard[], ctx: MeasureContext): BuiltCard[] {
  const knownSublayers = new Set(ctx.layers.flatMap((l) => l.sublayers.map((s) => s.id)));
  return cards.map((card) => {
    const measured: BuiltCard['measured'] = {};
    for (const figure of card.figures as CardFigure[]) {
      if (!figure.measure || layerInError(figure.measure, ctx.layers)) continue;
      const where = `fiche « ${card.id} », chiffre « ${figure.id} »`;
      const { value, unit } = measureValue(figure.measure, ctx, where);
      measured[figure.id] = {
        value,
        unit,
        difference: sameUnit(figure.unit, unit) ? round(value - figure.value, 2) : null,
        explanation: figure.measure.explanation,
      };
    }
    const mapMeasured = (card.mapMeasures ?? [])
      .filter((extra) => !layerInError(extra.measure, ctx.layers))
      .map((extra) => {
        const { value, unit, details } = measureValue(extra.measure, ctx, `fiche « ${card.id} », mesure « ${extra.id} »`);
        return { id: extra.id, label: extra.label, value, unit, ...(details ? { details } : {}), explanation: extra.measure.explanation };
      });
    for (const link of card.links) {
      if (!ctx.features.has(link.sublayer) && !knownSublayers.has(link.sublayer))
        throw new Error(`fiche « ${card.id} » : sous-couche liée « ${link.sublayer} » inconnue`);
    }
    return { ...card, measured, mapMeasured };
  });
}
