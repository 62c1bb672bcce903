// Display of values per locale (French by default): numbers with the locale's separators, units,
// lists, yes/no. Output is plain text, always rendered as React text nodes.
import type { MetricUnit, PopupField } from '../../../layers/types';
import { translate, translatePlural, type Locale } from '../i18n';

const tag = (locale: Locale): string => (locale === 'fr' ? 'fr-FR' : 'en-GB');
const formats = new Map<string, Intl.NumberFormat>();
/** Cached Intl formats: these run for every row of the feature tables. */
function numberFormat(locale: Locale, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(tag(locale), { maximumFractionDigits })));
  return f;
}

export const formatNumber = (n: number, locale: Locale = 'fr'): string => numberFormat(locale, 2).format(n);

/** Lists may arrive as arrays, JSON array strings or "a; b" strings, depending on the column type. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v)).filter((v) => v.length > 0);
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) return asList(parsed);
      } catch {
        // not JSON: fall through to separators
      }
    }
    return text.split(/\s*[;|]\s*/).filter((v) => v.length > 0);
  }
  return value === null || value === undefined ? [] : [String(value)];
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

const asNumber = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};

/** Text of a popup value; links are decided by the caller (isHttpUrl). */
export function formatField(value: unknown, format: PopupField['format'] = 'texte', locale: Locale = 'fr'): string {
  const n = asNumber(value);
  const yes = translate(locale, 'ui.value.yes');
  const no = translate(locale, 'ui.value.no');
  switch (format) {
    case 'nombre':
      return n === null ? String(value) : formatNumber(n, locale);
    case 'ha':
    case 'km':
    case 'm':
      return n === null ? String(value) : `${formatNumber(n, locale)} ${format}`;
    case 'liste':
      return asList(value).join(', ');
    case 'oui-non':
      if (value === true || value === 'true' || value === 1) return yes;
      if (value === false || value === 'false' || value === 0) return no;
      return String(value);
    default:
      if (typeof value === 'boolean') return value ? yes : no;
      // Plain numbers are often identifiers (INSEE code, OSM relation): no digit grouping.
      if (typeof value === 'number') return locale === 'fr' ? String(value).replace('.', ',') : String(value);
      if (Array.isArray(value)) return asList(value).join(', ');
      if (typeof value === 'object' && value !== null) return JSON.stringify(value);
      return String(value);
  }
}

export function formatMetric(value: number, unit: MetricUnit, locale: Locale = 'fr'): string {
  // French writes a space before %, English does not.
  if (unit === '%') return `${numberFormat(locale, 1).format(value)}${locale === 'fr' ? ' ' : ''}%`;
  if (unit === 'habitants') return translatePlural(locale, 'ui.unit.inhabitants', value);
  if (unit === 'nombre') return Number.isInteger(value) ? numberFormat(locale, 0).format(value) : formatNumber(value, locale);
  return `${formatNumber(value, locale)} ${unit}`;
}

/** "36 objets" / "36 features". */
export function formatCount(n: number, locale: Locale = 'fr'): string {
  return translatePlural(locale, 'ui.count.features', n);
}
