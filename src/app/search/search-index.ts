// What the search box can find: the communes, the named features of every thematic sublayer (from
// the data the app already loaded) and the report cards. Pure: built from data, searched by text.
import type { GeoFeature, SublayerDefinition } from '../../../layers/types';
import type { BuiltCard } from '../../../layers/cards';
import { layerDefinitions } from '../../../layers/index';
import type { LayerData } from '../data/useLayerData';
import { asList, isEmptyValue } from '../ui/format';
import { normalise } from './normalise';

/** A card, opened at one sentence of the report's text when the search found it there; or a commune's profile. */
export type SearchTarget =
  | { kind: 'feature'; sublayerId: string; index: number }
  | { kind: 'card'; cardId: string; passage?: { heading: string; text: string } }
  | { kind: 'commune'; code: string };

export interface SearchEntry {
  /** Stable id, also the option's DOM id suffix. */
  id: string;
  /** Group: a sublayer id ('communes' first), 'qpv' or 'fiches'. */
  group: string;
  label: string;
  /** Secondary text: the communes of a feature, the theme of a card. */
  detail?: string;
  target: SearchTarget;
  key: string;
  detailKey: string;
}

/** The territory is the whole map: nothing to find there. */
const SKIPPED = new Set(['territoire']);

function communesOf(properties: Record<string, unknown>): string | undefined {
  const list = asList(properties.communes ?? properties.commune);
  return list.length ? list.join(', ') : undefined;
}

/** QPV have no outline: each QPV named by a commune with a QPV leads to that commune. */
function qpvEntries(features: GeoFeature[]): SearchEntry[] {
  return features.flatMap((f, index) => {
    const commune = typeof f.properties?.nom === 'string' ? f.properties.nom : undefined;
    return asList(f.properties?.qpv_noms).map((label, i) => ({
      id: `qpv-${index}-${i}`,
      group: 'qpv',
      label,
      detail: commune,
      target: { kind: 'feature' as const, sublayerId: 'qpv-communes', index },
      key: normalise(label),
      detailKey: normalise(commune ?? ''),
    }));
  });
}

function featureEntries(sublayer: SublayerDefinition, features: GeoFeature[]): SearchEntry[] {
  if (sublayer.id === 'qpv-communes') return qpvEntries(features);
  const group = sublayer.id;
  return features.flatMap((f, index) => {
    const props = f.properties ?? {};
    const raw = props[sublayer.nameField] ?? props.nom;
    if (isEmptyValue(raw) || typeof raw === 'object') return [];
    const label = String(raw);
    const detail = sublayer.id === 'communes' ? undefined : communesOf(props);
    return [
      {
        id: `${sublayer.id}-${index}`,
        group,
        label,
        detail,
        target: { kind: 'feature', sublayerId: sublayer.id, index },
        key: normalise(label),
        detailKey: normalise(detail ?? ''),
      },
    ];
  });
}

/** « Ma commune »: each commune's page, a group of its own right after the communes on the map. */
function communeProfileEntries(features: GeoFeature[]): SearchEntry[] {
  return features.flatMap((f) => {
    const code = String(f.properties?.code ?? '');
    const label = String(f.properties?.nom ?? '');
    if (!code || !label) return [];
    return [
      { id: `ma-commune-${code}`, group: 'ma-commune', label, target: { kind: 'commune' as const, code }, key: normalise(label), detailKey: '' },
    ];
  });
}

export function buildSearchIndex(data: LayerData, cards: BuiltCard[]): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const layer of layerDefinitions) {
    for (const sublayer of layer.sublayers) {
      const d = data[sublayer.id];
      // A sublayer showing another's features (`from`) would list each of them twice.
      if (SKIPPED.has(sublayer.id) || sublayer.from || d?.state !== 'ok') continue;
      entries.push(...featureEntries(sublayer, d.features));
      if (sublayer.id === 'communes') entries.push(...communeProfileEntries(d.features));
    }
  }
  for (const card of cards) {
    entries.push({
      id: `fiche-${card.id}`,
      group: 'fiches',
      label: card.title,
      detail: card.theme,
      target: { kind: 'card', cardId: card.id },
      key: normalise(card.title),
      detailKey: normalise(`${card.theme} ${card.summary}`),
    });
  }
  return entries;
}

export interface SearchGroup {
  group: string;
  /** Every match of the group; `entries` holds the first ones shown. */
  total: number;
  entries: SearchEntry[];
}

/** Rank of a match, lower first: name starts with the query, a word of the name does, name holds it, details do. */
function rank(entry: SearchEntry, query: string, words: string[]): number | null {
  const inName = words.every((w) => entry.key.includes(w));
  if (inName) {
    if (entry.key.startsWith(query)) return 0;
    // Several words written together, as typed (« Pass Pass »), come before the same words apart (« passerelle »).
    const phrase = words.length > 1 && ` ${entry.key} `.includes(` ${query} `) ? -0.5 : 0;
    if (entry.key.split(' ').some((part) => part.startsWith(words[0]))) return 1 + phrase;
    return 2 + phrase;
  }
  return words.every((w) => entry.key.includes(w) || entry.detailKey.includes(w)) ? 3 : null;
}

/** Group order: the sublayers in panel order (communes first, then their profiles), QPV in place of their communes, then the cards, then the report's text. */
export const GROUP_ORDER = [
  ...layerDefinitions.flatMap((l) =>
    l.sublayers.flatMap((s) => (s.id === 'qpv-communes' ? ['qpv'] : s.id === 'communes' ? ['communes', 'ma-commune'] : [s.id])),
  ),
  'fiches',
  'texte',
];

export function search(index: SearchEntry[], text: string, perGroup = 6): SearchGroup[] {
  const query = normalise(text);
  if (!query) return [];
  const words = query.split(' ');
  const found = new Map<string, { entry: SearchEntry; rank: number }[]>();
  for (const entry of index) {
    const r = rank(entry, query, words);
    if (r === null) continue;
    const list = found.get(entry.group) ?? [];
    list.push({ entry, rank: r });
    found.set(entry.group, list);
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return GROUP_ORDER.filter((g) => found.has(g)).map((group) => {
    const list = found
      .get(group)!
      .sort((a, b) => a.rank - b.rank || a.entry.label.length - b.entry.label.length || collator.compare(a.entry.label, b.entry.label));
    // The same name twice in a group (cavalier sections) is offered once per distinct detail only.
    const seen = new Set<string>();
    const unique = list.filter(({ entry }) => {
      const k = `${entry.key}|${entry.detailKey}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return { group, total: unique.length, entries: unique.slice(0, perGroup).map((x) => x.entry) };
  });
}
