// The year of a report figure, read from what is written, never guessed:
// 1. the years its label writes (« Trafic global du port en 2019 », « (2017) », « 2018-2028 »);
// 2. if none, the years of its quote, but only when the quote states no other number than the
//    figure's own (« 3 013 foyers … dont 1 443 en 2019 »: 2019 is the year of 1 443, not of 3 013);
// a year of comparison or of a starting point (« par rapport à 2018 », « / 2018 », « depuis 1990 »,
// « fin 2021 ») is not the figure's year; two different years, or none: no year.

const YEAR = '(?:19[5-9]\\d|20[0-4]\\d)';
const PERIOD = new RegExp(`\\b(${YEAR})\\s*[-/–]\\s*(${YEAR})\\b`, 'g');
const SINGLE = new RegExp(`\\b${YEAR}\\b`, 'g');
/** Words just before a year that make it a reference point rather than the figure's date. */
const REFERENCE = /(?:depuis|rapport\s+à|\/|avant|après|jusqu['’]en|d['’]ici|horizon|fin|début)\s*$/i;

/** Years and periods written in a text as the date of what it states ("2019", "2018-2028"). */
export function datesIn(text: string): string[] {
  const found = new Set<string>();
  const taken: [number, number][] = [];
  for (const m of text.matchAll(PERIOD)) {
    taken.push([m.index, m.index + m[0].length]);
    if (!REFERENCE.test(text.slice(0, m.index))) found.add(`${m[1]}-${m[2]}`);
  }
  for (const m of text.matchAll(SINGLE)) {
    if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    if (!REFERENCE.test(text.slice(0, m.index))) found.add(m[0]);
  }
  return [...found];
}

/** Numbers written in a quote other than years ("3 013", "1,6", "82.6"), as values. */
function numbersIn(text: string): number[] {
  const withoutYears = text.replace(PERIOD, ' ').replace(SINGLE, ' ');
  return [...withoutYears.matchAll(/\d{1,3}(?:[  \u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/g)].map((m) =>
    Number(m[0].replace(/[  \u202f]/g, '').replace(',', '.')),
  );
}

export function figureYear(figure: { label: string; quote: string; value: number }): string | null {
  const fromLabel = datesIn(figure.label);
  if (fromLabel.length > 0) return fromLabel.length === 1 ? fromLabel[0] : null;
  const fromQuote = datesIn(figure.quote);
  if (fromQuote.length !== 1) return null;
  const others = numbersIn(figure.quote).filter((n) => n !== Math.abs(figure.value));
  return others.length === 0 ? fromQuote[0] : null;
}
