// The report's figures as an open dataset: the CSV (French spreadsheet conventions) read back with
// papaparse gives every figure of every card; the JSON likewise; the year is read, never guessed.
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { BuiltCard, CardsFile } from '../../layers/cards';
import { loadCards } from '../../scripts/geodata/cards';
import { REPORT } from '../../scripts/geodata/build';
import { neutraliseFormula } from '../../src/core/export/csv';
import { COLUMNS, figureRows, figuresCsv, figuresJson, reportSource } from '../../src/app/figures/dataset';
import { datesIn, figureYear } from '../../src/app/figures/year';
import { filterFigures, sortFigures } from '../../src/app/figures/sort';

const ROOT = resolve(import.meta.dirname, '..', '..');
const cards: BuiltCard[] = loadCards(ROOT).map((card) => ({ ...card, measured: {}, mapMeasured: [] }));
// One measured figure, as the pipeline writes it, so that the map columns are read back too.
const ev5 = cards.find((c) => c.id === 'ev5')!;
ev5.measured = { [ev5.figures[0].id]: { value: 39.81, unit: 'km', difference: 2.81, explanation: 'tracé' } };
const file: CardsFile = { version: 1, report: REPORT, cards };
const figureCount = cards.reduce((n, c) => n + c.figures.length, 0);

const decimal = (cell: string): number => Number(cell.replace(',', '.'));

describe('figures CSV', () => {
  const bytes = figuresCsv(file);
  const text = new TextDecoder().decode(bytes);
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true });

  it('is UTF-8 with a BOM, `;`-separated, CRLF, one row per figure of every card', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('\r\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...COLUMNS]);
    expect(parsed.data).toHaveLength(figureCount);
    expect(figureCount).toBeGreaterThan(100);
  });

  it('reads back as the cards’ figures: label, value (decimal comma), unit, quote, section, card', () => {
    const expected = cards.flatMap((c) => c.figures.map((f) => ({ card: c.id, title: c.title, ...f })));
    parsed.data.forEach((row, i) => {
      const f = expected[i];
      expect(row.fiche).toBe(f.card);
      expect(row.fiche_titre).toBe(f.title);
      expect(row.chiffre).toBe(f.id);
      // A text a spreadsheet would run (« + 9,7% d'abonnements… ») keeps a leading ' in the CSV only.
      expect(row.libelle).toBe(neutraliseFormula(f.label));
      expect(decimal(row.valeur)).toBe(f.value);
      expect(row.valeur).not.toContain('.');
      expect(row.unite).toBe(f.unit);
      expect(row.citation).toBe(neutraliseFormula(f.quote));
      expect(row.section).toBe(f.section);
      expect(row.source).toBe(reportSource(REPORT));
    });
    expect(parsed.data.filter((r) => r.valeur.includes(',')).length).toBeGreaterThan(0);
    expect(parsed.data.filter((r) => r.citation.startsWith("'")).map((r) => r.citation.slice(1))).toContain("+ 9,7% d'abonnements jeune vendus");
  });

  it('carries the measure of the map where there is one, nothing elsewhere', () => {
    const measured = parsed.data.filter((r) => r.valeur_carte !== '');
    expect(measured).toEqual([
      expect.objectContaining({ fiche: 'ev5', chiffre: ev5.figures[0].id, valeur_carte: '39,81', unite_carte: 'km', ecart_carte: '2,81' }),
    ]);
  });

  it('names the report as source: title, authority, council act and its date', () => {
    const source = parsed.data[0].source;
    expect(source).toContain(REPORT.title);
    expect(source).toContain('Communauté d’Agglomération de Lens-Liévin');
    expect(source).toContain(REPORT.date);
    expect(source).toContain(REPORT.act);
  });

  it('neutralises a formula-like text and keeps a negative number a number', () => {
    const hostile: CardsFile = {
      ...file,
      cards: [{ ...ev5, measured: {}, figures: [{ ...ev5.figures[0], label: '=HYPERLINK("http://x")', value: -1.7 }] }],
    };
    const row = Papa.parse<Record<string, string>>(new TextDecoder().decode(figuresCsv(hostile)).replace(/^\uFEFF/, ''), {
      header: true,
      delimiter: ';',
      skipEmptyLines: true,
    }).data[0];
    expect(row.libelle).toBe('\'=HYPERLINK("http://x")');
    expect(row.valeur).toBe('-1,7');
  });
});

describe('figures JSON', () => {
  it('holds the source and every figure with its numbers as numbers', () => {
    const json = JSON.parse(new TextDecoder().decode(figuresJson(file))) as {
      source: Record<string, string>;
      chiffres: Record<string, unknown>[];
    };
    expect(json.source).toMatchObject({ title: REPORT.title, authority: REPORT.authority, date: REPORT.date, act: REPORT.act });
    expect(json.chiffres).toHaveLength(figureCount);
    const rows = figureRows(file);
    json.chiffres.forEach((c, i) => {
      expect(c.valeur).toBe(rows[i].value);
      expect(c.citation).toBe(rows[i].quote);
    });
  });
});

describe('year of a figure', () => {
  it('reads it from the label, then from a quote with no other number; a reference year is no year', () => {
    expect(figureYear({ label: 'Trafic global du port en 2019', quote: 'par rapport à 2018', value: 1 })).toBe('2019');
    expect(figureYear({ label: 'Cités programmées pour 2018-2028', quote: '29 cités pour 2018/2028', value: 29 })).toBe('2018-2028');
    expect(figureYear({ label: 'Boues', quote: 'En 2019, 4 039 tonnes de boues', value: 4039 })).toBe('2019');
    // The quote's year belongs to another number: no year.
    expect(figureYear({ label: 'Foyers (au total)', quote: '3 013 foyers dotés de kits dont 1 443 en 2019.', value: 3013 })).toBeNull();
    expect(figureYear({ label: 'Évolution par rapport à 2018', quote: '↘ de -1,7 % / 2018', value: -1.7 })).toBeNull();
    expect(figureYear({ label: 'Espèces disparues depuis 1990', quote: '103 ont disparu depuis 1990', value: 103 })).toBeNull();
    expect(figureYear({ label: '12 km en études', quote: '12 km ; travaux envisagés fin 2021.', value: 12 })).toBeNull();
    expect(figureYear({ label: 'Entre 2017 et 2019', quote: '', value: 3 })).toBeNull();
    expect(datesIn('Sur la période 2019/2020, 3 abris')).toEqual(['2019-2020']);
  });

  it('gives a year to some figures of the cards and none to most', () => {
    const rows = figureRows(file);
    const dated = rows.filter((r) => r.year);
    expect(dated.length).toBeGreaterThan(10);
    expect(dated.length).toBeLessThan(rows.length);
    for (const r of dated) expect(`${r.label} ${r.quote}`).toContain(r.year!.slice(0, 4));
  });
});

describe('table sorting and filtering', () => {
  const rows = figureRows(file);
  it('sorts numbers as numbers and puts empty cells last both ways', () => {
    const up = sortFigures(rows, { key: 'value', direction: 'ascending' }).map((r) => r.value);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const years = sortFigures(rows, { key: 'year', direction: 'descending' });
    expect(years[0].year).not.toBeNull();
    expect(years.at(-1)!.year).toBeNull();
  });

  it('filters accent-insensitively, by card and by measure', () => {
    expect(filterFigures(rows, { text: 'dechets', cardId: '', measuredOnly: false }).length).toBeGreaterThan(0);
    expect(filterFigures(rows, { text: '', cardId: 'ev5', measuredOnly: false })).toHaveLength(ev5.figures.length);
    expect(filterFigures(rows, { text: '', cardId: '', measuredOnly: true })).toHaveLength(1);
  });
});
