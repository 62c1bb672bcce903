// Safe download names: the layer name comes from the user (or from an imported file), so it may
// hold accents, slashes, dots or control characters that some systems reject or misread.

/** Letters NFD does not decompose into a base letter + accent. */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D' };

const MAX_SLUG_LENGTH = 80;

/** "Corridor vélo / Liévin (v2)" → "corridor-velo-lievin-v2"; never empty, never a path. */
export function slugify(name: string): string {
  const ascii = name
    .replace(/[œŒæÆßøØłŁđĐ]/g, (c) => LIGATURES[c])
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  const slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug || 'export';
}

export function exportFileName(name: string, extension: string): string {
  const slug = slugify(name);
  // "corridor.geojson" as a layer name must not become "corridor-geojson.geojson".
  const base = slug.endsWith(`-${extension}`) && slug.length > extension.length + 1 ? slug.slice(0, -(extension.length + 1)) : slug;
  return `${base}.${extension}`;
}
