// Domain content (layer titles, legends, popup labels, catalog metric labels, card units) is written
// in French in layers/*.ts and the data. The English UI looks each text up in a glossary keyed by the
// French text; what the glossary lacks (or the whole glossary, until the English catalogue is loaded)
// stays French and is marked lang="fr" by the caller.
import { languagePack } from './catalogue';
import { isSingular } from './plural';
import type { Locale } from './types';

export interface DomainText {
  text: string;
  /** Set when the text is shown in French inside an English page. */
  lang?: 'fr';
}

export function domainText(locale: Locale, fr: string): DomainText {
  if (locale === 'fr' || !fr) return { text: fr };
  const glossary = languagePack(locale)?.domain ?? {};
  const en = glossary[fr] ?? glossary[fr.trim()];
  return en ? { text: en } : { text: fr, lang: 'fr' };
}

/** Plain string, for attributes where a lang mark cannot be set. */
export const domainString = (locale: Locale, fr: string): string => domainText(locale, fr).text;

/** A card unit ("cités", "km") for a value, in the locale; undefined in English when unknown. */
export function unitText(locale: Locale, frUnit: string, value: number): string | undefined {
  const units = languagePack(locale)?.units ?? {};
  const entry = units[frUnit] ?? units[frUnit.toLowerCase()];
  if (!entry) return undefined;
  return isSingular(locale, value) ? entry[0] : entry[1];
}
