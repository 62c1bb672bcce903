// The icons in public/icons/ are what scripts/pwa/icons.ts draws (regenerate with `npm run icons`),
// and they are what the web app manifest and index.html name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICONS } from '../../scripts/pwa/icons';

const PUBLIC = join(import.meta.dirname, '../../public');

describe('app icons', () => {
  it.each(ICONS.map((i) => [i.fileName, i]))('public/%s is the drawn icon', (fileName, icon) => {
    expect(Buffer.compare(readFileSync(join(PUBLIC, fileName)), icon.make())).toBe(0);
  });

  it('the PNGs have the sizes their names say', () => {
    for (const icon of ICONS.filter((i) => i.fileName.endsWith('.png'))) {
      const png = readFileSync(join(PUBLIC, icon.fileName));
      const size = Number(/(\d+)\.png$/.exec(icon.fileName)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('index.html and the manifest name files that exist', () => {
    const html = readFileSync(join(import.meta.dirname, '../../index.html'), 'utf8');
    const config = readFileSync(join(import.meta.dirname, '../../vite.config.ts'), 'utf8');
    const named = [...html.matchAll(/href="\.\/(icons\/[^"]+)"/g), ...config.matchAll(/src: '(icons\/[^']+)'/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(5);
    for (const file of named) expect(ICONS.map((i) => i.fileName)).toContain(file);
  });
});
