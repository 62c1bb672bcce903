// The table view of a sublayer: its columns are the feature panel's fields, sorting by text or
// number (empty cells last), filtering without accents.
import { describe, expect, it } from 'vitest';
import type { GeoFeature } from '../../layers/types';
import { findSublayer } from '../../layers/index';
import { columnsOf, filterRows, rowsOf, sortRows } from '../../src/app/ui/feature-rows';
// English is loaded on demand in the app; importing its catalogue registers it.
import '../../src/app/i18n/catalogue-en';

const communes = findSublayer('communes')!.sublayer;
const f = (properties: Record<string, unknown>): GeoFeature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties });
const features = [
  f({ nom: 'Lens', code: '62498', population: 31_000, surface_ha: 1170 }),
  f({ nom: 'Éleu-dit-Leauwette', code: '62295', population: 3000, surface_ha: null }),
  f({ nom: 'Liévin', code: '62510', population: 30_113, surface_ha: 1282.6 }),
  f({ nom: 'Angres', code: '62032', population: '4 400?', surface_ha: 560 }),
];
const unnamed = (n: number) => `Objet ${n}`;

describe('table view rows', () => {
  it('has the feature panel fields as columns, the name first', () => {
    expect(columnsOf(communes).map((c) => [c.key, c.label, c.numeric])).toEqual([
      ['nom', 'Commune', false],
      ['code', 'Code INSEE', false],
      ['population', 'Population municipale', true],
      ['surface_ha', 'Surface', true],
    ]);
  });

  it('formats cells as the feature panel does, per locale', () => {
    const [lens] = rowsOf(communes, features, 'fr', unnamed);
    expect(lens.cells.population.text).toBe('31\u202f000');
    expect(lens.cells.surface_ha.text).toBe('1\u202f170 ha');
    expect(rowsOf(communes, features, 'en', unnamed)[2].cells.surface_ha.text).toBe('1,282.6 ha');
  });

  it('sorts names alphabetically with accents in their place (É with E), both ways', () => {
    const rows = rowsOf(communes, features, 'fr', unnamed);
    expect(sortRows(rows, { key: 'nom', direction: 'ascending' }, 'fr').map((r) => r.name)).toEqual([
      'Angres',
      'Éleu-dit-Leauwette',
      'Lens',
      'Liévin',
    ]);
    expect(sortRows(rows, { key: 'nom', direction: 'descending' }, 'fr').map((r) => r.name)).toEqual([
      'Liévin',
      'Lens',
      'Éleu-dit-Leauwette',
      'Angres',
    ]);
  });

  it('sorts numbers as numbers; empty and non-numeric cells go last in both directions', () => {
    const rows = rowsOf(communes, features, 'fr', unnamed);
    expect(sortRows(rows, { key: 'surface_ha', direction: 'ascending' }, 'fr').map((r) => r.name)).toEqual([
      'Angres',
      'Lens',
      'Liévin',
      'Éleu-dit-Leauwette',
    ]);
    expect(sortRows(rows, { key: 'surface_ha', direction: 'descending' }, 'fr').map((r) => r.name)).toEqual([
      'Liévin',
      'Lens',
      'Angres',
      'Éleu-dit-Leauwette',
    ]);
    expect(sortRows(rows, { key: 'population', direction: 'descending' }, 'fr').map((r) => r.name)).toEqual([
      'Lens',
      'Liévin',
      'Éleu-dit-Leauwette',
      'Angres',
    ]);
  });

  it('keeps the file index of each row (a row selects that feature)', () => {
    const sorted = sortRows(rowsOf(communes, features, 'fr', unnamed), { key: 'nom', direction: 'ascending' }, 'fr');
    expect(sorted.map((r) => r.index)).toEqual([3, 1, 0, 2]);
  });

  it('filters on every word, accents and case ignored, in any column', () => {
    const rows = rowsOf(communes, features, 'fr', unnamed);
    expect(filterRows(rows, 'lievin').map((r) => r.name)).toEqual(['Liévin']);
    expect(filterRows(rows, 'ELEU 62295').map((r) => r.name)).toEqual(['Éleu-dit-Leauwette']);
    expect(filterRows(rows, '')).toHaveLength(4);
  });

  it('names a feature without a name by its position', () => {
    expect(rowsOf(communes, [f({ code: '1' })], 'fr', unnamed)[0].name).toBe('Objet 1');
  });
});
