// One source for breakpoints: every width or height in a CSS media query of the app is one of
// src/app/ui/screen.ts's BREAKPOINTS, so the TypeScript layout (framing beside panels, bottom sheet)
// switches exactly where the style sheets do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAKPOINTS } from '../../src/app/ui/screen';

const APP = join(import.meta.dirname, '../../src/app');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? cssFiles(join(dir, d.name)) : d.name.endsWith('.css') ? [join(dir, d.name)] : [],
  );
}

const mediaLengths = (css: string): number[] =>
  [...css.matchAll(/@media[^{]*/g)].flatMap((m) => [...m[0].matchAll(/(?:min|max)-(?:width|height):\s*(\d+)px/g)].map((x) => Number(x[1])));

describe('breakpoints', () => {
  const files = cssFiles(APP);
  const allowed = new Set<number>(Object.values(BREAKPOINTS));

  it('finds the style sheets and their media queries (the scan looks at real files)', () => {
    expect(files.length).toBeGreaterThan(4);
    expect(files.flatMap((f) => mediaLengths(readFileSync(f, 'utf8')))).toContain(BREAKPOINTS.narrow);
  });

  it.each(files.map((f) => [f.slice(APP.length + 1), f]))('%s uses only the breakpoints of screen.ts', (_name, file) => {
    const stray = mediaLengths(readFileSync(file, 'utf8')).filter((px) => !allowed.has(px));
    expect(stray).toEqual([]);
  });

  it('would catch a stray width', () => {
    expect(mediaLengths('@media (max-width: 761px) { a { b: c } }').filter((px) => !allowed.has(px))).toEqual([761]);
  });
});
