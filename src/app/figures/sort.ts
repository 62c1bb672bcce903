// Sorting and filtering of the figures table: numbers as numbers, text in French order, empty
// cells last whatever the direction; the filter folds accents and case like the search.
import { normalise } from '../search/normalise';
import type { FigureRow } from './dataset';

export type FigureColumn = 'label' | 'value' | 'unit' | 'year' | 'card' | 'section' | 'quote' | 'measured';
export interface FigureSort {
  key: FigureColumn;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function sortValue(row: FigureRow, key: FigureColumn): string | number | null {
  switch (key) {
    case 'label':
      return row.label;
    case 'value':
      return row.value;
    case 'unit':
      return row.unit;
    case 'year':
      return row.year;
    case 'card':
      return row.cardTitle;
    case 'section':
      return row.section;
    case 'quote':
      return row.quote;
    case 'measured':
      return row.measured?.value ?? null;
  }
}

/** No sort: the rows as they are. */
export function sortFigures(rows: FigureRow[], sort: FigureSort | null): FigureRow[] {
  if (!sort) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * order;
  });
}

export interface FigureFilter {
  text: string;
  cardId: string;
  measuredOnly: boolean;
}

export function filterFigures(rows: FigureRow[], filter: FigureFilter): FigureRow[] {
  const words = normalise(filter.text).split(' ').filter(Boolean);
  return rows.filter((row) => {
    if (filter.cardId && row.cardId !== filter.cardId) return false;
    if (filter.measuredOnly && !row.measured) return false;
    if (!words.length) return true;
    const haystack = normalise(`${row.label} ${row.quote} ${row.section} ${row.cardTitle} ${row.unit} ${row.year ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}
