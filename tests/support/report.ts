// The report's text, for tests that check the cards' quotes (read from ../shared/report, never copied).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPORT_FILE = resolve(__dirname, '..', '..', '..', 'shared', 'report', 'rapport-developpement-durable-2019-2020.md');

/** Markdown emphasis and HTML tags stripped, white space folded: what a reader sees. */
export function plain(text: string): string {
  return (
    text
      .replace(/<sup>2<\/sup>/g, '²')
      .replace(/<sup>3<\/sup>/g, '³')
      .replace(/<[^>]+>/g, '')
      .replace(/\*\*|__/g, '')
      // Single-asterisk italics (*mot*), not a lone asterisk.
      .replace(/(^|[\s(«])\*(?=\S)([^*\n]*?\S)\*(?=[\s).,;:»]|$)/gm, '$1$2')
      .replace(/[\u00a0\u202f\t ]+/g, ' ')
      .replace(/ *\n */g, '\n')
  );
}

const fold = (text: string) => plain(text).replace(/\s+/g, ' ').trim();

export interface Heading {
  level: number;
  text: string;
  /** 0-based line number in the report file. */
  line: number;
  /** 1 for the first heading with this text, 2 for its first repetition (at any level)... */
  occurrence: number;
}

export function loadReport(): { lines: string[]; headings: Heading[] } | null {
  if (!existsSync(REPORT_FILE)) return null;
  const lines = readFileSync(REPORT_FILE, 'utf8').split('\n');
  const seen = new Map<string, number>();
  const headings = lines.flatMap((l, line) => {
    const m = /^(#{1,6})\s+(.*)$/.exec(l);
    if (!m) return [];
    const text = fold(m[2]);
    const occurrence = (seen.get(text) ?? 0) + 1;
    seen.set(text, occurrence);
    return [{ level: m[1].length, text, line, occurrence }];
  });
  return { lines, headings };
}

export type Report = NonNullable<ReturnType<typeof loadReport>>;

/** The heading named `section` (its `occurrence`-th repetition when given), or undefined. */
export function findHeading(report: Report, section: string, occurrence = 1): Heading | undefined {
  const want = fold(section);
  return report.headings.find((h) => h.text === want && h.occurrence === occurrence);
}

/** The 0-based line where the text under a heading ends: the next heading of the same or a higher level. */
export function headingEnd(report: Report, heading: Heading): number {
  const i = report.headings.indexOf(heading);
  const next = report.headings.slice(i + 1).find((n) => n.level <= heading.level);
  return next ? next.line : report.lines.length;
}

/**
 * Whether the quote stands verbatim (as read) in the text under a heading named `section`: under
 * any heading of that name, or under its `occurrence`-th repetition when given.
 */
export function quoteUnder(report: Report, section: string, quote: string, occurrence?: number): boolean {
  const want = fold(section);
  const q = fold(quote);
  return report.headings.some((h) => {
    if (h.text !== want || (occurrence !== undefined && h.occurrence !== occurrence)) return false;
    return fold(report.lines.slice(h.line, headingEnd(report, h)).join('\n')).includes(q);
  });
}

export function quoteAnywhere(report: NonNullable<ReturnType<typeof loadReport>>, quote: string): boolean {
  return fold(report.lines.join('\n')).includes(fold(quote));
}

const WORDS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
  'vingt',
];

/** Whether the number is written in the quote, the French way (3 900, 82,6 or 7,60), plainly, or in words up to twenty. */
export function valueIn(value: number, quote: string): boolean {
  const text = fold(quote);
  if (Number.isInteger(value) && value >= 0 && value <= 20) {
    const word = WORDS[value];
    const forms = value === 1 ? ['un', 'une'] : [word];
    if (forms.some((w) => new RegExp(`(^|[^\\p{L}-])${w}(?![\\p{L}-])`, 'iu').test(text))) return true;
  }
  const [int, dec] = String(Math.abs(value)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const forms = new Set([int, grouped, int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')].map((i) => (dec ? [`${i},${dec}`, `${i}.${dec}`] : [i])).flat());
  // A decimal may be written with trailing zeros (« 7,60 % » is 7.6).
  const zeros = dec ? '0*' : '';
  return [...forms].some((form) => new RegExp(`(^|[^\\d,.])${form.replace(/[.]/g, '\\.')}${zeros}(?![\\d]|[,.]\\d)`).test(text));
}
