// Themes are data: the basemap style, the deck.gl layers and the legends are generated from them.
import type { Theme } from './types';

export const themeClair: Theme = {
  id: 'clair',
  background: [232, 236, 238, 255],
  land: [247, 246, 242, 255],
  territoryFill: [255, 255, 255, 255],
  territoryLine: [96, 106, 114, 255],
  communeLine: [140, 148, 155, 255],
  label: [33, 37, 41, 255],
  labelHalo: [255, 255, 255, 230],
  highlight: [255, 196, 0, 255],
  palette: {
    velo: [0, 92, 175, 255],
    parc: [46, 125, 50, 255],
    terril: [84, 60, 52, 255],
    cavalier: [196, 140, 80, 255],
    citeUnesco: [142, 36, 170, 255],
    citeErbm: [198, 40, 40, 255],
    citeTampon: [204, 158, 36, 255],
    patrimoine: [40, 28, 86, 255],
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
  territoryLine: [200, 200, 200, 255],
  communeLine: [150, 150, 150, 255],
  label: [255, 255, 255, 255],
  labelHalo: [0, 0, 0, 255],
  highlight: [255, 255, 0, 255],
  palette: {
    velo: [90, 150, 255, 255],
    parc: [60, 185, 60, 255],
    terril: [125, 88, 58, 255],
    cavalier: [255, 200, 150, 255],
    citeUnesco: [255, 120, 255, 255],
    citeErbm: [255, 90, 90, 255],
    citeTampon: [255, 210, 80, 255],
    patrimoine: [170, 240, 255, 255],
    qpv: [255, 150, 60, 255],
    eau: [90, 200, 255, 255],
    dechet: [255, 225, 90, 255],
  },
};

export const themes = { clair: themeClair, contraste: themeContraste } as const;

/** Same colour with another alpha (0-255). */
export function withAlpha([r, g, b]: readonly number[], alpha: number): [number, number, number, number] {
  return [r, g, b, alpha];
}
