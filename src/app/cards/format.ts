// Display of the cards' quantities per locale (French by default): value + unit, signed
// differences, finalité names. Plain text only, rendered as React text nodes.
import type { FinaliteId } from '../../../layers/cards';
import { translate, type Locale, type MessageKey } from '../i18n';
import { unitText } from '../i18n/domain';
import { formatNumber } from '../ui/format';

const FINALITE_KEYS: Record<FinaliteId, MessageKey> = {
  climat: 'cards.finalite.climat',
  biodiversite: 'cards.finalite.biodiversite',
  cohesion: 'cards.finalite.cohesion',
  epanouissement: 'cards.finalite.epanouissement',
  production: 'cards.finalite.production',
};

/** Short name of a finalité for tags and the filter; the report's full wording is FINALITES. */
export const finaliteShort = (id: FinaliteId, locale: Locale = 'fr'): string => (FINALITE_KEYS[id] ? translate(locale, FINALITE_KEYS[id]) : id);

/** Short French names, by finalité. */
export const FINALITE_SHORT: Record<FinaliteId, string> = Object.fromEntries(
  (Object.keys(FINALITE_KEYS) as FinaliteId[]).map((id) => [id, finaliteShort(id)]),
) as Record<FinaliteId, string>;

/** A card's finalités in the report's order, whatever the order they were written in. */
export function orderedFinalites(values: FinaliteId[]): FinaliteId[] {
  return FINALITE_ORDER.filter((f) => values.includes(f));
}
const FINALITE_ORDER = Object.keys(FINALITE_KEYS) as FinaliteId[];

/** The pipeline writes 'nombre' for counts; the report's own unit (cités, sites…) reads better. */
export function displayUnit(unit: string, reportedUnit?: string): string {
  if (unit === 'nombre') return reportedUnit && reportedUnit !== 'nombre' ? reportedUnit : '';
  return unit;
}

/** Words that end in s in the singular too. */
const INVARIABLE = new Set(['pays', 'fois', 'mois', 'bois', 'corps', 'temps', 'prix', 'poids', 'cours', 'parcours', 'accès', 'gaz']);

/** Units are written in the plural in the cards; French puts one-word units in the singular below 2 ("1 site", "0 cité"). */
function agree(unit: string, value: number): string {
  if (Math.abs(value) >= 2 || !/^[a-zàâçéèêëîïôûùüÿœ]+s$/i.test(unit) || INVARIABLE.has(unit.toLowerCase())) return unit;
  return unit.slice(0, -1);
}

/** The unit as shown: French agreement, or the English glossary (French kept when it has no entry). */
function shownUnit(unit: string, value: number, locale: Locale): string {
  if (locale === 'fr') return agree(unit, value);
  return unitText(locale, unit, value) ?? unit;
}

export function formatQuantity(value: number, unit: string, reportedUnit?: string, locale: Locale = 'fr'): string {
  const u = displayUnit(unit, reportedUnit);
  const shown = u ? shownUnit(u, value, locale) : '';
  if (u === '%') return `${formatNumber(value, locale)}${locale === 'fr' ? ' ' : ''}%`;
  return shown ? `${formatNumber(value, locale)} ${shown}` : formatNumber(value, locale);
}

/** "+2,79 km", "−1,63 km" (true minus sign), "0 km". */
export function formatDifference(value: number, unit: string, reportedUnit?: string, locale: Locale = 'fr'): string {
  // The sign of what is shown: −0,001 km reads "0 km", not "−0 km".
  const shown = Number(formatNumber(Math.abs(value), 'en').replace(/,/g, ''));
  const sign = shown === 0 ? '' : value > 0 ? '+' : '\u2212';
  return `${sign}${formatQuantity(Math.abs(value), unit, reportedUnit, locale)}`;
}

export function formatShare(share: number, locale: Locale = 'fr'): string {
  const text = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(share * 100);
  return locale === 'fr' ? `${text} %` : `${text}%`;
}
