// Plural choice per language: French puts 0 and 1 in the singular ("0 objet"), English only 1.
import type { Locale } from './types';

export function isSingular(locale: Locale, n: number): boolean {
  return locale === 'fr' ? Math.abs(n) < 2 : Math.abs(n) === 1;
}
