// The French catalogue (the source language) ships with the first download; the English one is
// loaded on demand (catalogue-en.ts registers itself here when imported) so that French readers
// never download it. `translate` stays synchronous: the UI switches language only once the
// catalogue is registered (see `loadLanguage`). Each area of the app keeps its own pair of files
// (messages/<area>.fr.ts and <area>.en.ts) so teams can add messages without touching others'.
import { common as commonFr } from './messages/common.fr';
import { ui as uiFr } from './messages/ui.fr';
import { cards as cardsFr } from './messages/cards.fr';
import { search as searchFr } from './messages/search.fr';
import { a11y as a11yFr } from './messages/a11y.fr';
import { workbench as workbenchFr } from './messages/workbench.fr';
import { present as presentFr } from './messages/present.fr';
import { commune as communeFr } from './messages/commune.fr';
import { report as reportFr } from './messages/report.fr';
import { tvb as tvbFr } from './messages/tvb.fr';
import { gis as gisFr } from './messages/gis.fr';
import { shell as shellFr } from './messages/shell.fr';
import { story as storyFr } from './messages/story.fr';
import { focus as focusFr } from './messages/focus.fr';
import type { Locale } from './types';

export const fr = {
  ...commonFr,
  ...uiFr,
  ...cardsFr,
  ...searchFr,
  ...a11yFr,
  ...workbenchFr,
  ...presentFr,
  ...communeFr,
  ...reportFr,
  ...tvbFr,
  ...gisFr,
  ...shellFr,
  ...storyFr,
  ...focusFr,
};
export type MessageKey = keyof typeof fr;

/** Everything a language other than French needs: messages, and the glossary of the French domain texts. */
export interface LanguagePack {
  messages: Record<MessageKey, string>;
  /** Layer titles, legends, popup labels… keyed by their French text. */
  domain: Readonly<Record<string, string>>;
  /** Units of the report cards: [singular, plural], keyed by the French unit. */
  units: Readonly<Record<string, readonly [string, string]>>;
}

const packs: Partial<Record<Locale, LanguagePack>> = {};

export function registerLanguage(locale: Exclude<Locale, 'fr'>, pack: LanguagePack): void {
  packs[locale] = pack;
}

/** The pack of a language other than French, once loaded. */
export const languagePack = (locale: Locale): LanguagePack | undefined => packs[locale];

/** Messages of a locale; empty until its catalogue is loaded (callers then fall back to French). */
export const messagesOf = (locale: Locale): Partial<Record<MessageKey, string>> => (locale === 'fr' ? fr : (packs[locale]?.messages ?? {}));

export const isLanguageLoaded = (locale: Locale): boolean => locale === 'fr' || !!packs[locale];

/** Resolves once the locale's catalogue is registered (at once for French). */
export function loadLanguage(locale: Locale): Promise<void> {
  if (isLanguageLoaded(locale)) return Promise.resolve();
  return import('./catalogue-en').then(() => undefined);
}
