// All catalogues, merged per language. Each area of the app keeps its own pair of files
// (messages/<area>.fr.ts and <area>.en.ts) so teams can add messages without touching others'.
import { common as commonFr } from './messages/common.fr';
import { common as commonEn } from './messages/common.en';
import { ui as uiFr } from './messages/ui.fr';
import { ui as uiEn } from './messages/ui.en';
import { cards as cardsFr } from './messages/cards.fr';
import { cards as cardsEn } from './messages/cards.en';
import { search as searchFr } from './messages/search.fr';
import { search as searchEn } from './messages/search.en';
import { a11y as a11yFr } from './messages/a11y.fr';
import { a11y as a11yEn } from './messages/a11y.en';
import { workbench as workbenchFr } from './messages/workbench.fr';
import { workbench as workbenchEn } from './messages/workbench.en';
import { present as presentFr } from './messages/present.fr';
import { present as presentEn } from './messages/present.en';
import type { Locale } from './types';

const fr = { ...commonFr, ...uiFr, ...cardsFr, ...searchFr, ...a11yFr, ...workbenchFr, ...presentFr };
export type MessageKey = keyof typeof fr;

export const catalogues: Record<Locale, Record<MessageKey, string>> = {
  fr,
  en: { ...commonEn, ...uiEn, ...cardsEn, ...searchEn, ...a11yEn, ...workbenchEn, ...presentEn },
};
