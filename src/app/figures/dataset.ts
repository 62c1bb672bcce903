// The report's figures as an open dataset: one row per figure of every card, with the report named
// as source, written as CSV for French spreadsheets (the workbench's conventions: `;`, UTF-8 BOM,
// CRLF, decimal commas, formula-like text neutralised) and as JSON. Pure: cards in, bytes out.
import Papa from 'papaparse';
import type { CardsFile } from '../../../layers/cards';
import { BOM, cellOf, neutraliseFormula } from '../../core/export/csv';
import { encodeUtf8 } from '../../core/export/context';
import { figureYear } from './year';

export interface FigureRow {
  /** Card id and title, part and theme of the report. */
  cardId: string;
  cardTitle: string;
  part: string;
  theme: string;
  /** The heading of the report the figure's quote stands under. */
  section: string;
  figureId: string;
  label: string;
  value: number;
  unit: string;
  year: string | null;
  quote: string;
  /** What the map measures for this figure, when it can. */
  measured: { value: number; unit: string; difference: number | null } | null;
}

/** Every figure of every card, in the cards' order then the figures' order. */
export function figureRows(file: CardsFile): FigureRow[] {
  return file.cards.flatMap((card) =>
    card.figures.map((figure) => {
      const m = card.measured[figure.id];
      return {
        cardId: card.id,
        cardTitle: card.title,
        part: card.part,
        theme: card.theme,
        section: figure.section,
        figureId: figure.id,
        label: figure.label,
        value: figure.value,
        unit: figure.unit,
        year: figureYear(figure),
        quote: figure.quote,
        measured: m ? { value: m.value, unit: m.unit, difference: m.difference } : null,
      };
    }),
  );
}

/** The report as it is cited: title, authority, council act and its date. */
export function reportSource(report: CardsFile['report']): string {
  return `${report.title}${report.authority ? `, ${report.authority}` : ''}, délibération du conseil communautaire du ${report.date} (acte ${report.act})`;
}

/** Column names of the CSV and keys of the JSON records (French, as the data's readers are). */
export const COLUMNS = [
  'fiche',
  'fiche_titre',
  'partie',
  'theme',
  'section',
  'chiffre',
  'libelle',
  'valeur',
  'unite',
  'annee',
  'citation',
  'valeur_carte',
  'unite_carte',
  'ecart_carte',
  'source',
] as const;

type Record_ = Record<(typeof COLUMNS)[number], string | number | null>;

function recordOf(row: FigureRow, source: string): Record_ {
  return {
    fiche: row.cardId,
    fiche_titre: row.cardTitle,
    partie: row.part,
    theme: row.theme,
    section: row.section,
    chiffre: row.figureId,
    libelle: row.label,
    valeur: row.value,
    unite: row.unit,
    annee: row.year,
    citation: row.quote,
    valeur_carte: row.measured?.value ?? null,
    unite_carte: row.measured?.unit ?? null,
    ecart_carte: row.measured?.difference ?? null,
    source,
  };
}

export function figuresCsv(file: CardsFile): Uint8Array {
  const source = reportSource(file.report);
  const data = figureRows(file).map((row) => {
    const record = recordOf(row, source);
    return COLUMNS.map((c) => cellOf(record[c]));
  });
  const text = Papa.unparse({ fields: COLUMNS.map(neutraliseFormula), data }, { delimiter: ';', newline: '\r\n', header: true, quotes: false });
  return encodeUtf8(BOM + text + '\r\n');
}

export function figuresJson(file: CardsFile): Uint8Array {
  const source = reportSource(file.report);
  const document = {
    source: { ...file.report, citation: source },
    colonnes: COLUMNS.filter((c) => c !== 'source'),
    chiffres: figureRows(file).map((row) => {
      const { source: _source, ...record } = recordOf(row, source);
      return record;
    }),
  };
  return encodeUtf8(`${JSON.stringify(document, null, 1)}\n`);
}
