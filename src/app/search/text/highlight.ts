// Where the words of a search stand in a text, with the same folding as the search (accents,
// case, œ and punctuation ignored): « hydrogene » marks « Hydrogène ». Whole words are marked,
// so « compost » marks « compostage ». Pure, for the result list and the card.
import { normalise } from '../normalise';

export interface Segment {
  text: string;
  marked: boolean;
}

/** The folded text, one folded character per position, and where each came from in the original. */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    let f = ch
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae');
    if (!/^[\p{L}\p{N}]*$/u.test(f)) f = ' ';
    for (const c of f) {
      folded += c;
      from.push(i);
    }
    i += ch.length;
  }
  return { folded, from };
}

const isWordChar = (c: string | undefined) => c !== undefined && c !== ' ';

/** Ranges [start, end) of the original text to mark, merged and in order. */
export function matchRanges(text: string, query: string): [number, number][] {
  const words = normalise(query).split(' ').filter(Boolean);
  if (!words.length) return [];
  const { folded, from } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      let start = at;
      let end = at + word.length;
      while (isWordChar(folded[start - 1])) start--;
      while (isWordChar(folded[end])) end++;
      const last = from[end - 1];
      const lastLength = String.fromCodePoint(text.codePointAt(last)!).length;
      ranges.push([from[start], last + lastLength]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** The text cut into marked and plain segments. */
export function segments(text: string, query: string): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, query)) {
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    out.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

/** A short extract around the first match, cut at word boundaries, with an ellipsis where cut. */
export function snippet(text: string, query: string, before = 50, after = 90): string {
  const first = matchRanges(text, query)[0];
  if (!first || text.length <= before + after)
    return text.length <= before + after ? text : `${text.slice(0, before + after).replace(/\s+\S*$/, '')} …`;
  let start = Math.max(0, first[0] - before);
  let end = Math.min(text.length, first[1] + after);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > first[1] ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`;
}
