// French display of the cards' quantities: value + unit, signed differences, finalité names.
// Plain text only, rendered as React text nodes.
import type { FinaliteId } from '../../layers/cards';
import { formatNumber } from '../ui/format';

/** Short names for tags and the filter; the report's full wording is FINALITES. */
export const FINALITE_SHORT: Record<FinaliteId, string> = {
  climat: 'Climat',
  biodiversite: 'Biodiversité',
  cohesion: 'Cohésion sociale',
  epanouissement: 'Épanouissement',
  production: 'Production et consommation responsables',
};

/** A card's finalités in the report's order, whatever the order they were written in. */
export function orderedFinalites(values: FinaliteId[]): FinaliteId[] {
  return FINALITE_ORDER.filter((f) => values.includes(f));
}
const FINALITE_ORDER = Object.keys(FINALITE_SHORT) as FinaliteId[];

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

export function formatQuantity(value: number, unit: string, reportedUnit?: string): string {
  const u = displayUnit(unit, reportedUnit);
  return u ? `${formatNumber(value)} ${agree(u, value)}` : formatNumber(value);
}

/** "+2,79 km", "−1,63 km" (true minus sign), "0 km". */
export function formatDifference(value: number, unit: string, reportedUnit?: string): string {
  // The sign of what is shown: −0,001 km reads "0 km", not "−0 km".
  const shown = Number(formatNumber(Math.abs(value)).replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
  const sign = shown === 0 ? '' : value > 0 ? '+' : '\u2212';
  return `${sign}${formatQuantity(Math.abs(value), unit, reportedUnit)}`;
}

export function formatShare(share: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(share * 100)} %`;
}
