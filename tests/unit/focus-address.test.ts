// What the address carries while a card is open (src/app/state/focus.ts, docs/cards.md), the
// « Afficher toutes les couches » union, the legend's class filter in the address, the renderer and
// the export legend.
import { describe, expect, it } from 'vitest';
import { findSublayer } from '../../layers/index';
import { themeClair } from '../../layers/theme';
import type { Catalog } from '../../layers/types';
import { addressVisibility, focusVisibility, isFocused, withCardLayers } from '../../src/app/state/focus';
import { defaultVisibility, visibilityFromUrl, type Visibility } from '../../src/app/state/visibility';
import { formatHash, parseHash } from '../../src/app/state/url-state';
import { sublayerStyle } from '../../src/app/map/thematic/style';
import { legendEntries } from '../../src/app/present/export/legend-items';

const card = { links: [{ sublayer: 'cites' }] };
const v = (layers: string[], sublayers: string[], classes?: Record<string, string>): Visibility => ({
  layers: new Set(layers),
  sublayers: new Set(sublayers),
  ...(classes && { classes }),
});

describe('the address of a card in focus', () => {
  it('carries no layer list while the card is in focus: #fiche=x alone reproduces the view', () => {
    const focus = focusVisibility(card);
    expect(addressVisibility(focus, card, false)).toEqual({ classes: undefined });
    // Reload: no layer list + a card = its focus, computed again from the card.
    expect(isFocused(focusVisibility(card), card)).toBe(true);
  });

  it('writes the full lists once the view differs from the focus, even when they equal the defaults', () => {
    const defaults = defaultVisibility();
    const url = addressVisibility(defaults, card, false);
    expect(url.layers).toEqual(expect.arrayContaining([...defaults.layers]));
    expect(url.sublayers?.length).toBe(defaults.sublayers.size);
    // Without a card, the defaults are not written.
    expect(addressVisibility(defaults, null, false)).toEqual({ layers: undefined, sublayers: undefined, classes: undefined });
  });

  it('writes nothing of the layers while the card is still loading (the address keeps meaning the focus)', () => {
    expect(addressVisibility(defaultVisibility(), card, true)).toEqual({ classes: undefined });
  });

  it('keeps the legend filter in focus, and it survives the address', () => {
    const focused = { ...focusVisibility(card), classes: { cites: 'erbm' } };
    const url = addressVisibility(focused, card, false);
    expect(url).toEqual({ classes: { cites: 'erbm' } });
    const hash = formatHash({ card: 'x', ...url });
    expect(hash).toBe('#fiche=x&classe=cites/erbm');
    expect(visibilityFromUrl(parseHash(hash)).classes).toEqual({ cites: 'erbm' });
  });

  it('drops a class filter naming an unknown sublayer or class', () => {
    expect(visibilityFromUrl(parseHash('#classe=cites/inconnue,inconnue/erbm')).classes).toBeUndefined();
    expect(visibilityFromUrl(parseHash('#classe=cites/unesco')).classes).toEqual({ cites: 'unesco' });
  });
});

describe('« Afficher toutes les couches »', () => {
  it('shows what the reader had plus the card’s layers, and lifts a class filter on the card’s sublayers only', () => {
    const had = v(['ev5', 'parcs'], ['ev5-troncons', 'parcs-terrils'], { 'parcs-terrils': 'terril', cites: 'erbm' });
    const all = withCardLayers(had, card);
    expect([...all.layers].sort()).toEqual(['cites', 'communes', 'ev5', 'parcs']);
    expect([...all.sublayers].sort()).toEqual(['cites', 'communes', 'ev5-troncons', 'parcs-terrils', 'territoire']);
    expect(all.classes).toEqual({ 'parcs-terrils': 'terril' });
    expect(isFocused(all, card)).toBe(false);
  });
});

describe('the legend filter in the renderer and the export legend', () => {
  const sublayer = findSublayer('cites')!.sublayer;
  const classes = sublayer.classes(themeClair);

  it('draws only the chosen class: the other classes’ style layers are hidden', () => {
    const k = classes.findIndex((c) => c.id === 'erbm');
    const { layers } = sublayerStyle({ sublayer, theme: themeClair, visible: true, uncertainty: false, onlyClass: k });
    const shown = layers.filter((l) => l.layout?.visibility === 'visible');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((l) => l.id.endsWith(`-${k}`))).toBe(true);
    expect(layers.some((l) => !l.id.endsWith(`-${k}`) && l.layout?.visibility === 'none')).toBe(true);
    const all = sublayerStyle({ sublayer, theme: themeClair, visible: true, uncertainty: false }).layers;
    expect(all.every((l) => l.layout?.visibility === 'visible')).toBe(true);
  });

  it('lists in the PNG / print legend only the class the map draws', () => {
    const catalog = {
      layers: [{ id: 'cites', sublayers: [{ id: 'cites', file: 'cites.fgb', featureCount: 10 }] }],
    } as unknown as Catalog;
    const entries = (classesFilter?: Record<string, string>) =>
      legendEntries({
        catalog,
        visibility: v(['cites'], ['cites'], classesFilter),
        theme: themeClair,
        workspaceItems: [],
        card: null,
        selection: null,
        t: (key) => key,
      })
        .filter((e) => e.kind === 'symbole')
        .map((e) => e.text);
    expect(entries()).toEqual(classes.map((c) => c.label));
    expect(entries({ cites: 'erbm' })).toEqual([classes.find((c) => c.id === 'erbm')!.label]);
  });
});
