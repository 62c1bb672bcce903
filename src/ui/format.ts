// French display of values: numbers with fr-FR separators, units, lists, yes/no. Output is plain
// text, always rendered as React text nodes.
import type { MetricUnit, PopupField } from '../../layers/types';

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

export const formatNumber = (n: number): string => numberFormat.format(n);

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
export function formatField(value: unknown, format: PopupField['format'] = 'texte'): string {
  const n = asNumber(value);
  switch (format) {
    case 'nombre':
      return n === null ? String(value) : numberFormat.format(n);
    case 'ha':
    case 'km':
    case 'm':
      return n === null ? String(value) : `${numberFormat.format(n)} ${format}`;
    case 'liste':
      return asList(value).join(', ');
    case 'oui-non':
      if (value === true || value === 'true' || value === 1) return 'Oui';
      if (value === false || value === 'false' || value === 0) return 'Non';
      return String(value);
    default:
      if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
      // Plain numbers are often identifiers (INSEE code, OSM relation): no digit grouping.
      if (typeof value === 'number') return String(value).replace('.', ',');
      if (Array.isArray(value)) return asList(value).join(', ');
      if (typeof value === 'object' && value !== null) return JSON.stringify(value);
      return String(value);
  }
}

const UNIT_TEXT: Record<MetricUnit, string> = { km: 'km', ha: 'ha', m: 'm', nombre: '', '%': '%', habitants: 'habitants' };

export function formatMetric(value: number, unit: MetricUnit): string {
  if (unit === '%') return `${percentFormat.format(value)} %`;
  if (unit === 'nombre' || unit === 'habitants') {
    const text = Number.isInteger(value) ? integerFormat.format(value) : numberFormat.format(value);
    return UNIT_TEXT[unit] ? `${text} ${UNIT_TEXT[unit]}` : text;
  }
  return `${numberFormat.format(value)} ${UNIT_TEXT[unit]}`;
}

export function formatCount(n: number): string {
  return `${integerFormat.format(n)} objet${n > 1 ? 's' : ''}`;
}
