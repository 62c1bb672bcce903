// Bars of the cards' charts: a value below zero goes left of a zero line, in proportion, with its
// text on its left; all-positive series start at the left edge as before.
import { describe, expect, it } from 'vitest';
import { barScale } from '../../src/app/cards/chart-scale';

describe('barScale', () => {
  it('draws positive series from the left edge, the longest bar leaving room for its text', () => {
    const s = barScale([65800, 37134, 7071], 360, 118);
    expect(s.diverging).toBe(false);
    expect(s.zero).toBe(0);
    expect(s.place(65800)).toEqual({ x: 0, width: 242, textX: 248, anchor: 'start' });
    expect(s.place(7071).width).toBeCloseTo((242 * 7071) / 65800, 6);
  });

  it('draws a fall (−8,8 %) leftwards from a zero line, as long as a rise of the same size', () => {
    // The tonnage changes of dechets-collecte: −1,7 %, +11,2 %, −8,8 %, −1,7 %, −2 %.
    const s = barScale([-1.7, 11.2, -8.8, -1.7, -2], 360, 118);
    expect(s.diverging).toBe(true);
    const fall = s.place(-8.8);
    const rise = s.place(11.2);
    expect(fall.x + fall.width).toBeCloseTo(s.zero, 9);
    expect(fall.anchor).toBe('end');
    expect(fall.textX).toBeLessThan(fall.x);
    expect(rise.x).toBe(s.zero);
    expect(fall.width / rise.width).toBeCloseTo(8.8 / 11.2, 9);
    // Room for the text on both sides.
    expect(fall.x).toBeGreaterThanOrEqual(118);
    expect(rise.x + rise.width).toBeLessThanOrEqual(360 - 118);
  });

  it('keeps all-negative series inside the drawing', () => {
    const s = barScale([-3, -1], 360, 118);
    const p = s.place(-3);
    expect(p.x).toBeGreaterThanOrEqual(118);
    expect(p.x + p.width).toBeLessThanOrEqual(360);
  });
});
