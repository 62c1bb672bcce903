// Scale bar and paper scale of an exported map, pure. Web Mercator with MapLibre's 512-pixel tiles.
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const METRES_PER_INCH = 0.0254;

/** Ground metres covered by one CSS pixel at a zoom and latitude. */
export function metresPerCssPixel(zoom: number, latitude: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** Largest 1, 2 or 5 × 10ⁿ metres not above `maxMetres`. */
export function niceLength(maxMetres: number): number {
  if (!(maxMetres > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  for (const step of [5, 2, 1]) if (step * power <= maxMetres) return step * power;
  return power;
}

export interface ScaleBar {
  metres: number;
  /** Length of the bar in output pixels. */
  pixels: number;
  /** "500 m", "2 km" (number formatted by the caller's locale). */
  label: string;
}

export function scaleBar(metresPerPixel: number, maxPixels: number, formatNumber: (n: number) => string): ScaleBar {
  const metres = niceLength(metresPerPixel * maxPixels);
  const label = metres >= 1000 ? `${formatNumber(metres / 1000)} km` : `${formatNumber(metres)} m`;
  return { metres, pixels: metres / metresPerPixel, label };
}

/** 1:N of a map printed at `dpi`, rounded to two significant digits (1:48 000). */
export function scaleDenominator(metresPerPixel: number, dpi: number): number {
  const n = (metresPerPixel * dpi) / METRES_PER_INCH;
  const power = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / power) * power;
}
