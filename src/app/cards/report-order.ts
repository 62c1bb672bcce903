// The report's own order over the cards, for the default deck and the cards list: the territorial
// project (it opens the report), then Partie 1, then Partie 2; inside a part, the themes in the
// order of the table of contents; inside a theme, the number of the section. The app has no copy of
// the report, so the order is read from the cards' part, theme and section; tests/unit/
// report-coverage.test.ts checks it against the line of each section in the report itself.
import type { BuiltCard } from '../../../layers/cards';

/** Themes in the order of the report's table of contents (Partie 1 pages 7 and 10, Partie 2 pages 14 to 49). */
const THEME_ORDER = [
  'amelioration continue',
  'mutualisation',
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

/** The territorial project precedes Partie 1 in the report. */
function partRank(part: string): number {
  if (fold(part).startsWith('projet de territoire')) return 0;
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

/**
 * A card on a sub-heading of a numbered section (« Port Fluvial de Harnes » inside « 3–Une
 * attractivité confirmée… ») follows the card of the whole section.
 */
const isFocus = (card: BuiltCard): number => (/^\s*\d/.test(card.section) ? 0 : 1);

/** The report continues some sections under the same heading with « (2) », « (3) ». */
function continuation(card: BuiltCard): number {
  const n = /\((\d+)\)\s*$/.exec(card.section);
  return n ? Number(n[1]) : 0;
}

export function reportOrder(cards: BuiltCard[]): BuiltCard[] {
  return [...cards].sort(
    (a, b) =>
      partRank(a.part) - partRank(b.part) ||
      themeRank(a.theme) - themeRank(b.theme) ||
      collator.compare(a.theme, b.theme) ||
      sectionRank(a) - sectionRank(b) ||
      isFocus(a) - isFocus(b) ||
      (a.sectionOccurrence ?? 1) - (b.sectionOccurrence ?? 1) ||
      continuation(a) - continuation(b) ||
      collator.compare(a.title, b.title),
  );
}
