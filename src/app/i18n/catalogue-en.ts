// The English catalogue: UI messages, the domain glossary and the card units. Loaded with
// `loadLanguage('en')` when a reader chooses English (a chunk of its own, ~15 kB gzip that French
// readers never download); importing it registers it, which is how unit tests get English.
import { fr, registerLanguage, type MessageKey } from './catalogue';
import { common as commonEn } from './messages/common.en';
import { ui as uiEn } from './messages/ui.en';
import { cards as cardsEn } from './messages/cards.en';
import { search as searchEn } from './messages/search.en';
import { a11y as a11yEn } from './messages/a11y.en';
import { workbench as workbenchEn } from './messages/workbench.en';
import { present as presentEn } from './messages/present.en';
import { commune as communeEn } from './messages/commune.en';
import { report as reportEn } from './messages/report.en';
import { tvb as tvbEn } from './messages/tvb.en';
import { gis as gisEn } from './messages/gis.en';
import { shell as shellEn } from './messages/shell.en';
import { story as storyEn } from './messages/story.en';
import { focus as focusEn } from './messages/focus.en';
import { domainEn } from './messages/domain.en';
import { unitsEn } from './messages/units.en';

/** Typed against the French keys: a message missing in English fails the type check. */
export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...uiEn,
  ...cardsEn,
  ...searchEn,
  ...a11yEn,
  ...workbenchEn,
  ...presentEn,
  ...communeEn,
  ...reportEn,
  ...tvbEn,
  ...gisEn,
  ...shellEn,
  ...storyEn,
  ...focusEn,
};

/** Both catalogues side by side (tests compare them key for key). */
export const catalogues: Record<'fr' | 'en', Record<MessageKey, string>> = { fr, en };

registerLanguage('en', { messages: en, domain: domainEn, units: unitsEn });
