// Simulated colour-vision deficiencies (Machado, Oliveira and Fernandes 2009, severity 1.0: full
// dichromacy), applied to linear RGB as in the authors' published matrices. Used to check that the
// map's palette keeps its classes apart for readers with protanopia, deuteranopia or tritanopia.
import { linearToSrgb, srgbToLinear, type Rgb } from './lab';

export type Deficiency = 'protanopie' | 'deutéranopie' | 'tritanopie';

type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

export const MACHADO_2009: Record<Deficiency, Matrix> = {
  protanopie: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutéranopie: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopie: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** The sRGB colour (0-255) a reader with the deficiency sees instead of `rgb`. */
export function simulate(rgb: Rgb, deficiency: Deficiency): [number, number, number] {
  const lin = rgb.map(srgbToLinear);
  const m = MACHADO_2009[deficiency];
  const out = m.map((row) => row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]);
  return [linearToSrgb(out[0]), linearToSrgb(out[1]), linearToSrgb(out[2])];
}
