// Text folding for search and filters: "Liévin" and "LIEVIN" both become "lievin"; punctuation
// becomes space, so "11/19" matches "11 19" and "Saint-Pierre" matches "saint pierre".
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
