// Themes are data: the basemap style, the deck.gl layers and the legends are generated from them.
import type { Theme } from './types';

export const themeClair: Theme = {
  id: 'clair',
  background: [232, 236, 238, 255],
  land: [247, 246, 242, 255],
  territoryFill: [255, 255, 255, 255],
  territoryLine: [38, 50, 56, 255],
  communeLine: [120, 130, 138, 255],
  label: [33, 37, 41, 255],
  labelHalo: [255, 255, 255, 230],
  highlight: [255, 196, 0, 255],
  palette: {
    velo: [0, 92, 175, 255],
    parc: [46, 125, 50, 255],
    terril: [93, 64, 55, 255],
    cavalier: [121, 85, 72, 255],
    citeUnesco: [142, 36, 170, 255],
    citeErbm: [198, 40, 40, 255],
    citeTampon: [173, 120, 35, 255],
    patrimoine: [69, 39, 160, 255],
    qpv: [216, 67, 21, 255],
    eau: [2, 119, 189, 255],
    dechet: [55, 71, 79, 255],
  },
};

export const themeContraste: Theme = {
  id: 'contraste',
  background: [0, 0, 0, 255],
  land: [20, 20, 20, 255],
  territoryFill: [0, 0, 0, 255],
  territoryLine: [255, 255, 255, 255],
  communeLine: [200, 200, 200, 255],
  label: [255, 255, 255, 255],
  labelHalo: [0, 0, 0, 255],
  highlight: [255, 255, 0, 255],
  palette: {
    velo: [0, 200, 255, 255],
    parc: [80, 230, 80, 255],
    terril: [230, 170, 120, 255],
    cavalier: [255, 200, 150, 255],
    citeUnesco: [255, 120, 255, 255],
    citeErbm: [255, 90, 90, 255],
    citeTampon: [255, 210, 80, 255],
    patrimoine: [190, 160, 255, 255],
    qpv: [255, 150, 60, 255],
    eau: [90, 200, 255, 255],
    dechet: [230, 230, 230, 255],
  },
};

export const themes = { clair: themeClair, contraste: themeContraste } as const;

/** Same colour with another alpha (0-255). */
export function withAlpha([r, g, b]: readonly number[], alpha: number): [number, number, number, number] {
  return [r, g, b, alpha];
}
