import { describe, expect, it } from 'vitest';
import { focusVisibility, cardSublayers } from '../../src/app/state/focus';

describe('card focus', () => {
  it('shows the declared sublayers with their layers, plus communes and the outline', () => {
    const v = focusVisibility({ links: [{ sublayer: 'ev5-troncons' }, { sublayer: 'parcs-terrils', filter: { field: 'nom', values: ['x'] } }] });
    expect([...v.layers].sort()).toEqual(['communes', 'ev5', 'parcs']);
    expect([...v.sublayers].sort()).toEqual(['communes', 'ev5-troncons', 'parcs-terrils', 'territoire']);
  });

  it('keeps only the context for a card without map links, and ignores unknown sublayers', () => {
    const v = focusVisibility({ links: [{ sublayer: 'inconnue' }] });
    expect([...v.layers]).toEqual(['communes']);
    expect([...v.sublayers].sort()).toEqual(['communes', 'territoire']);
    expect(cardSublayers({ links: [{ sublayer: 'tvb-vert-terrils' }, { sublayer: 'tvb-vert-terrils' }] })).toEqual(['tvb-vert-terrils']);
  });

  it('puts a sublayer drawn from another file under its own layer (TVB green corridors)', () => {
    const v = focusVisibility({ links: [{ sublayer: 'tvb-vert-terrils' }] });
    expect(v.layers.has('tvb')).toBe(true);
    expect(v.layers.has('parcs')).toBe(false);
  });
});
