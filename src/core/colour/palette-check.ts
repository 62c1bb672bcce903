// Which classes of the map a reader sees together, and how far apart their colours are for normal
// vision and the three simulated dichromacies. The unit test (tests/unit/cartography.test.ts) and
// docs/cartography.md rest on this one computation.
import type { LayerDefinition, StyleClass, SymbolStyle, Theme } from '../../../layers/types';
import { deltaE2000, srgbToLab, type Rgb } from './lab';
import { simulate, type Deficiency } from './vision';

export type Vision = 'normale' | Deficiency;
export const VISIONS: readonly Vision[] = ['normale', 'protanopie', 'deutéranopie', 'tritanopie'];

export interface SeenClass {
  sublayer: string;
  cls: StyleClass;
}

/** A set of sublayers shown at once (the first view, one layer, one card in focus). */
export interface SeenTogether {
  name: string;
  sublayers: readonly string[];
}

/**
 * The colour that names a class: the stroke of lines and polygons (outline and pattern are drawn
 * in it at full opacity; the fill is the same hue, translucent), the body of point markers.
 */
export function identityColour(symbol: SymbolStyle): Rgb {
  const c = symbol.marker && symbol.fill ? symbol.fill : symbol.line;
  return [c[0], c[1], c[2]];
}

/** Shape channel: geometry, pattern, dash and marker. Two classes of one colour must differ here. */
export function shapeKey(geometry: string, s: SymbolStyle): string {
  return [geometry, s.pattern ?? '-', s.dash?.join('/') ?? '-', s.marker ?? '-', s.lineWidth].join('|');
}

export interface PairDistance {
  set: string;
  a: string;
  b: string;
  vision: Vision;
  deltaE: number;
}

const seen = (rgb: Rgb, vision: Vision): Rgb => (vision === 'normale' ? rgb : simulate(rgb, vision));

/**
 * Every pair of differently coloured classes within each set, with its CIEDE2000 difference under
 * each vision. Pairs of one colour are left out: they are one family, told apart by shape.
 */
export function pairDistances(layers: LayerDefinition[], theme: Theme, sets: SeenTogether[]): PairDistance[] {
  const out: PairDistance[] = [];
  for (const set of sets) {
    const classes: { name: string; rgb: Rgb }[] = [];
    for (const id of set.sublayers) {
      const sub = layers.flatMap((l) => l.sublayers).find((s) => s.id === id);
      if (!sub) continue;
      for (const cls of sub.classes(theme)) classes.push({ name: `${id}/${cls.id}`, rgb: identityColour(cls.symbol) });
    }
    for (let i = 0; i < classes.length; i++) {
      for (let j = i + 1; j < classes.length; j++) {
        const [a, b] = [classes[i], classes[j]];
        if (a.rgb.every((v, k) => v === b.rgb[k])) continue;
        for (const vision of VISIONS) {
          out.push({
            set: set.name,
            a: a.name,
            b: b.name,
            vision,
            deltaE: deltaE2000(srgbToLab(seen(a.rgb, vision)), srgbToLab(seen(b.rgb, vision))),
          });
        }
      }
    }
  }
  return out;
}
