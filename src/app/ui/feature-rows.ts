// Rows of a sublayer's table view: one per feature, one column per popup field (the feature panel's
// information), each cell with its display text and a sort key. Pure, for the table and its tests.
import type { GeoFeature, PopupField, SublayerDefinition } from '../../../layers/types';
import type { Locale } from '../i18n';
import { normalise } from '../search/normalise';
import { asList, formatField, isEmptyValue } from './format';

export interface Column {
  key: string;
  /** French label from the layer definition. */
  label: string;
  format: PopupField['format'];
  numeric: boolean;
}

export interface Row {
  index: number;
  name: string;
  cells: Record<string, { text: string; sort: number | string | null }>;
  /** Accent- and case-folded text of every cell, for the filter. */
  haystack: string;
}

export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: string;
  direction: SortDirection;
}

const NUMERIC_FORMATS = new Set<PopupField['format']>(['nombre', 'ha', 'km', 'm']);

/** The name column first (from `nameField`), then the other popup fields in their order. */
export function columnsOf(sublayer: SublayerDefinition): Column[] {
  const nameField = sublayer.popupFields.find((f) => f.key === sublayer.nameField);
  const name: Column = { key: sublayer.nameField, label: nameField?.label ?? 'Nom', format: 'texte', numeric: false };
  const rest = sublayer.popupFields
    .filter((f) => f.key !== sublayer.nameField)
    .map((f) => ({ key: f.key, label: f.label, format: f.format, numeric: NUMERIC_FORMATS.has(f.format) }));
  return [name, ...rest];
}

const toNumber = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

/** Name shown for a feature: its name field, else "Objet n". */
export function featureName(sublayer: SublayerDefinition, feature: GeoFeature, index: number, fallback: (n: number) => string): string {
  const raw = feature.properties?.[sublayer.nameField] ?? feature.properties?.nom;
  return isEmptyValue(raw) ? fallback(index + 1) : formatField(raw);
}

export function rowsOf(sublayer: SublayerDefinition, features: GeoFeature[], locale: Locale, fallback: (n: number) => string): Row[] {
  const columns = columnsOf(sublayer);
  return features.map((feature, index) => {
    const props = feature.properties ?? {};
    const name = featureName(sublayer, feature, index, fallback);
    const cells: Row['cells'] = {};
    for (const c of columns) {
      const value = c.key === sublayer.nameField ? name : props[c.key];
      if (isEmptyValue(value)) {
        cells[c.key] = { text: '', sort: null };
        continue;
      }
      const format = c.format === 'lien' ? 'texte' : c.format;
      const text = c.key === sublayer.nameField ? name : formatField(value, format, locale);
      const sort = c.numeric ? toNumber(value) : c.format === 'liste' ? asList(value).join(', ') : text;
      cells[c.key] = { text, sort };
    }
    const haystack = normalise(
      Object.values(cells)
        .map((c) => c.text)
        .join(' '),
    );
    return { index, name, cells, haystack };
  });
}

/** Sorted copy: empty cells last whatever the direction; ties keep the file order. */
export function sortRows(rows: Row[], sort: Sort, locale: Locale): Row[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a.cells[sort.key]?.sort ?? null;
    const y = b.cells[sort.key]?.sort ?? null;
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c === 0 ? a.index - b.index : sign * c;
  });
}

/** Rows whose text holds every word of the filter, accents and case ignored. */
export function filterRows(rows: Row[], filter: string): Row[] {
  const words = normalise(filter).split(' ').filter(Boolean);
  return words.length ? rows.filter((r) => words.every((w) => r.haystack.includes(w))) : rows;
}
