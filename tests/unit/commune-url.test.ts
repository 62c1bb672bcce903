// « Ma commune » in the address: #commune=<INSEE> for a page, #communes=a,b[,c,d] side by side.
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/app/state/url-state';
import { ordinal } from '../../src/app/commune/data';

describe('commune in the URL hash', () => {
  it('reads one commune or 2 to 4 side by side, and writes them back the same way', () => {
    expect(parseHash('#commune=62498').communes).toEqual(['62498']);
    expect(formatHash({ communes: ['62498'] })).toBe('#commune=62498');
    expect(parseHash('#communes=62498,62510').communes).toEqual(['62498', '62510']);
    expect(formatHash(parseHash('#communes=62498,62510,62528'))).toBe('#communes=62498,62510,62528');
  });
  it('drops what is not an INSEE code, repeats, and beyond four communes', () => {
    expect(parseHash('#commune=lens').communes).toBeUndefined();
    expect(parseHash('#communes=62498,<script>,62498,62510').communes).toEqual(['62498', '62510']);
    expect(parseHash('#communes=62001,62002,62003,62004,62005').communes).toHaveLength(4);
  });
});

describe('ordinal', () => {
  it('writes ranks the way each language does', () => {
    expect(['1', '2', '3', '36'].map((n) => ordinal('fr', Number(n)))).toEqual(['1re', '2e', '3e', '36e']);
    expect([1, 2, 3, 11, 12, 13, 21, 22].map((n) => ordinal('en', n))).toEqual(['1st', '2nd', '3rd', '11th', '12th', '13th', '21st', '22nd']);
  });
});

describe('mapLink', () => {
  it('frames the commune box at a zoom that fits it, with the feature selected', async () => {
    const { mapLink, around } = await import('../../src/app/commune/format');
    // Lens: about 6 × 6 km.
    const link = mapLink([2.78, 50.41, 2.86, 50.46], { sublayer: 'communes', index: 20 });
    const [, zoom, lat, lon] = /^#carte=([\d.]+)\/([\d.]+)\/([\d.]+)&objet=communes\/20$/.exec(link)!.map(Number);
    expect(lat).toBeCloseTo(50.435, 3);
    expect(lon).toBeCloseTo(2.82, 3);
    expect(zoom).toBeGreaterThan(12);
    expect(zoom).toBeLessThan(14);
    expect(around([2.78, 50.41, 2.86, 50.46], [2.9, 50.4])).toEqual([2.78, 50.4, 2.9, 50.46]);
  });
});
