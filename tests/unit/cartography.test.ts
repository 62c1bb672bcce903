// The cartographic style guide (docs/cartography.md) held to the code: the first view it declares is
// the one the layer definitions give, and the classes a reader sees together stay apart in colour for
// normal vision and under simulated protanopia, deuteranopia and tritanopia (Machado 2009, CIEDE2000),
// with shape as the second channel where two classes share a colour.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerDefinitions } from '../../layers/index';
import { FIRST_VIEW, FIRST_VIEW_LAYERS, FIRST_VIEW_SUBLAYERS } from '../../layers/first-view';
import { themes } from '../../layers/theme';
import { deltaE2000, srgbToLab, type Lab } from '../../src/core/colour/lab';
import { simulate } from '../../src/core/colour/vision';
import { identityColour, pairDistances, shapeKey, VISIONS, type SeenTogether } from '../../src/core/colour/palette-check';
import { defaultVisibility, isSublayerShown } from '../../src/app/state/visibility';
import { CONTEXT_SUBLAYERS } from '../../src/app/state/focus';

const ROOT = resolve(import.meta.dirname, '../..');
const GUIDE = readFileSync(join(ROOT, 'docs/cartography.md'), 'utf8');

/** Minimum CIEDE2000 difference between two classes seen together (see the guide, « Couleur »). */
const MIN_DELTA_E = 10;

describe('colour formulas: reference values', () => {
  // Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula", test data pairs 1, 7, 17-21, 25.
  const sharma: [Lab, Lab, number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [61, -5, 29], 22.8977],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[50, 2.5, 0], [58, 24, 15], 19.4535],
    [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  ];
  it.each(sharma)('CIEDE2000 %j / %j = %f', (a, b, expected) => {
    expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
    expect(deltaE2000(b, a)).toBeCloseTo(expected, 4);
  });

  it('sRGB to CIELAB (D65): white and pure red', () => {
    const white = srgbToLab([255, 255, 255]);
    expect(white[0]).toBeCloseTo(100, 3);
    const red = srgbToLab([255, 0, 0]);
    expect(red[0]).toBeCloseTo(53.24, 2);
    expect(red[1]).toBeCloseTo(80.09, 2);
    expect(red[2]).toBeCloseTo(67.2, 2);
  });

  it('Machado 2009: greys unchanged, red and green confused by red-green dichromats only', () => {
    for (const d of ['protanopie', 'deutéranopie', 'tritanopie'] as const) {
      simulate([255, 255, 255], d).forEach((v) => expect(v).toBeCloseTo(255, 0));
      simulate([128, 128, 128], d).forEach((v) => expect(v).toBeCloseTo(128, 0));
    }
    const dE = (a: [number, number, number], b: [number, number, number]) => deltaE2000(srgbToLab(a), srgbToLab(b));
    const red = [255, 0, 0] as [number, number, number];
    const green = [0, 128, 0] as [number, number, number];
    const normal = dE(red, green);
    expect(dE(simulate(red, 'protanopie'), simulate(green, 'protanopie'))).toBeLessThan(normal / 4);
    expect(dE(simulate(red, 'deutéranopie'), simulate(green, 'deutéranopie'))).toBeLessThan(normal / 4);
    expect(dE(simulate(red, 'tritanopie'), simulate(green, 'tritanopie'))).toBeGreaterThan((3 * normal) / 4);
  });
});

describe('the first view', () => {
  it('the layer definitions give exactly the declared first view', () => {
    const v = defaultVisibility();
    const shown = layerDefinitions.flatMap((l) => l.sublayers.filter((s) => isSublayerShown(v, l.id, s.id)).map((s) => s.id));
    expect([...v.layers].sort()).toEqual([...FIRST_VIEW_LAYERS].sort());
    expect(shown.sort()).toEqual([...FIRST_VIEW_SUBLAYERS].sort());
  });

  it('the first view keeps the context every focused view keeps (communes and the outline)', () => {
    for (const id of CONTEXT_SUBLAYERS) expect(FIRST_VIEW_SUBLAYERS).toContain(id);
  });

  it('the guide lists the same layers and sublayers, and no other', () => {
    const block = /<!-- premiere-vue -->([\s\S]*?)<!-- \/premiere-vue -->/.exec(GUIDE)?.[1];
    expect(block, 'docs/cartography.md has a <!-- premiere-vue --> block').toBeTruthy();
    const named = new Set([...block!.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]));
    for (const f of FIRST_VIEW) {
      expect(named).toContain(f.layer);
      for (const s of f.sublayers) expect(named).toContain(s);
    }
    const allIds = new Set(layerDefinitions.flatMap((l) => [l.id, ...l.sublayers.map((s) => s.id)]));
    const extra = [...named].filter((id) => allIds.has(id) && !FIRST_VIEW_LAYERS.includes(id) && !FIRST_VIEW_SUBLAYERS.includes(id));
    expect(extra).toEqual([]);
  });
});

/** The report cards' links, read from geodata/cards/ (each card shows its sublayers + the context). */
function cardSets(): SeenTogether[] {
  const dir = join(ROOT, 'geodata/cards');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.includes('schema') && f !== 'exclusions.json')
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; links?: { sublayer?: unknown }[] })
    .map((card) => ({
      name: `fiche ${card.id}`,
      sublayers: [...CONTEXT_SUBLAYERS, ...(card.links ?? []).map((l) => l.sublayer).filter((s): s is string => typeof s === 'string')],
    }));
}

/** What a reader sees at once: the first view, any one layer over the context, any card in focus. */
function seenTogether(): SeenTogether[] {
  return [
    { name: 'première vue', sublayers: FIRST_VIEW_SUBLAYERS },
    ...layerDefinitions.map((l) => ({ name: `couche ${l.id}`, sublayers: [...CONTEXT_SUBLAYERS, ...l.sublayers.map((s) => s.id)] })),
    ...cardSets(),
  ];
}

describe('palette under simulated colour-vision deficiencies', () => {
  const sets = seenTogether();

  it('reads the cards: some card sets exist and name known sublayers', () => {
    const cards = sets.filter((s) => s.name.startsWith('fiche '));
    expect(cards.length).toBeGreaterThan(10);
    const known = new Set(layerDefinitions.flatMap((l) => l.sublayers.map((s) => s.id)));
    for (const c of cards) for (const id of c.sublayers) expect(known, `${c.name}: ${id}`).toContain(id);
  });

  for (const theme of Object.values(themes)) {
    it(`theme ${theme.id}: classes seen together differ by ΔE2000 ≥ ${MIN_DELTA_E} for every vision`, () => {
      const pairs = pairDistances(layerDefinitions, theme, sets);
      expect(pairs.length).toBeGreaterThan(100);
      const failing = pairs.filter((p) => p.deltaE < MIN_DELTA_E).map((p) => `${p.vision} ${p.set}: ${p.a} / ${p.b} ΔE ${p.deltaE.toFixed(1)}`);
      expect([...new Set(failing)]).toEqual([]);
      // The figures the guide quotes: the smallest difference per vision.
      const min = Object.fromEntries(VISIONS.map((v) => [v, Math.min(...pairs.filter((p) => p.vision === v).map((p) => p.deltaE))]));
      for (const v of VISIONS) expect(min[v]).toBeGreaterThanOrEqual(MIN_DELTA_E);
    });

    it(`theme ${theme.id}: classes of one colour seen together differ in shape (pattern, dash, marker, width)`, () => {
      const clashes: string[] = [];
      for (const set of sets) {
        const classes = set.sublayers.flatMap((id) => {
          const sub = layerDefinitions.flatMap((l) => l.sublayers).find((s) => s.id === id);
          return sub
            ? sub
                .classes(theme)
                .map((c) => ({ name: `${id}/${c.id}`, rgb: identityColour(c.symbol).join(','), shape: shapeKey(sub.geometry, c.symbol) }))
            : [];
        });
        for (let i = 0; i < classes.length; i++)
          for (let j = i + 1; j < classes.length; j++) {
            const [a, b] = [classes[i], classes[j]];
            // The TVB's green corridors are the Chaîne des Parcs' own sublayers shown again (same file).
            if (a.name.split('/')[1] === b.name.split('/')[1]) continue;
            if (a.rgb === b.rgb && a.shape === b.shape) clashes.push(`${set.name}: ${a.name} / ${b.name}`);
          }
      }
      expect([...new Set(clashes)]).toEqual([]);
    });
  }
});
