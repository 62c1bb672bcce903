// The default deck: the territory, then one slide per report card in the report's own order
// (its table of contents lists the themes of part 2 by page; inside a theme, cards follow the
// number of their section). Rebuilt from cards.json, so it follows the data.
import type { BuiltCard, CardsFile } from '../../../../layers/cards';
import type { Bounds } from '../../../../layers/types';
import type { Visibility } from '../../state/visibility';
import { DEFAULT_BASEMAP } from '../../../core/map-style/basemaps';
import { DEFAULT_DECK_ID, type Deck, type Slide } from '../../../core/deck/types';

/** Themes of part 2 in the order of the report's table of contents (pages 14 to 49). */
const THEME_ORDER = [
  'mobilit',
  'economique',
  'services urbains',
  'communication',
  'cadre de vie',
  'habitat',
  'developpement territorial',
  'gouvernance',
];

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function partRank(part: string): number {
  const n = /partie\s*(\d+)/i.exec(part);
  return n ? Number(n[1]) : 99;
}

function themeRank(theme: string): number {
  const i = THEME_ORDER.findIndex((key) => fold(theme).includes(key));
  return i < 0 ? THEME_ORDER.length : i;
}

/** "3 - La Chaîne des Parcs" → 3; a section without a number takes its figures' section number, else 0. */
function sectionRank(card: BuiltCard): number {
  for (const text of [card.section, ...card.figures.map((f) => f.section)]) {
    const n = /^\s*(\d+)/.exec(text);
    if (n) return Number(n[1]);
  }
  return 0;
}

export function reportOrder(cards: BuiltCard[]): BuiltCard[] {
  return [...cards].sort(
    (a, b) =>
      partRank(a.part) - partRank(b.part) ||
      themeRank(a.theme) - themeRank(b.theme) ||
      collator.compare(a.theme, b.theme) ||
      sectionRank(a) - sectionRank(b) ||
      collator.compare(a.title, b.title),
  );
}

export interface DefaultDeckText {
  openingTitle: string;
  openingNote: string;
}

export function defaultDeck(file: CardsFile, territory: Bounds, defaults: Visibility, text: DefaultDeckText): Deck {
  const opening: Slide = {
    id: 'ouverture',
    kind: 'vue',
    title: text.openingTitle,
    note: text.openingNote,
    view: { bounds: territory, layers: [...defaults.layers], sublayers: [...defaults.sublayers], basemap: DEFAULT_BASEMAP },
  };
  const cards: Slide[] = reportOrder(file.cards).map((card) => ({
    id: `fiche-${card.id}`,
    kind: 'fiche',
    card: card.id,
    title: card.title,
    note: '',
  }));
  // A fixed date: the deck is derived from the report, not created by anyone.
  return { id: DEFAULT_DECK_ID, title: file.report.title, slides: [opening, ...cards], createdAt: file.report.date, updatedAt: file.report.date };
}
