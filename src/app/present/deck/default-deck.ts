// The default deck: the territory, then one slide per report card in the report's own order
// (src/app/cards/report-order.ts). Rebuilt from cards.json, so it follows the data.
import type { CardsFile } from '../../../../layers/cards';
import type { Bounds } from '../../../../layers/types';
import type { Visibility } from '../../state/visibility';
import { DEFAULT_BASEMAP } from '../../../core/map-style/basemaps';
import { DEFAULT_DECK_ID, type Deck, type Slide } from '../../../core/deck/types';
import { reportOrder } from '../../cards/report-order';

// The order lives with the cards (the cards list groups by it too); re-exported for the deck's users.
export { reportOrder } from '../../cards/report-order';

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
