// Measure tools' geometry and figures: a line's length, a polygon's area, with the same Turf-based
// functions as the report cards and the pipeline (layers/metrics.ts).
import type { Position } from 'geojson';
import { areaHa, lengthKm } from '../../../../layers/metrics';
import type { GeoFeature } from '../../../../layers/types';
import type { Locale } from '../../i18n/types';

export type MeasureMode = 'distance' | 'surface';

export function measureFeature(mode: MeasureMode, points: Position[]): GeoFeature | null {
  if (mode === 'distance') {
    return points.length >= 2 ? { type: 'Feature', geometry: { type: 'LineString', coordinates: points }, properties: {} } : null;
  }
  if (points.length < 3) return null;
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...points, points[0]]] }, properties: {} };
}

/** Metres for a line, square metres for a polygon; 0 while the figure has too few points. */
export function measureValue(mode: MeasureMode, points: Position[]): number {
  const f = measureFeature(mode, points);
  if (!f) return 0;
  return mode === 'distance' ? lengthKm([f]) * 1000 : areaHa([f]) * 10_000;
}

const nf = (digits: number, locale: Locale = 'fr') =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** "850 m", "12,35 km"; "4 200 m²", "3,52 ha", "1 204 ha" (French; English separators with locale 'en'). */
export function formatMeasure(mode: MeasureMode, value: number, locale: Locale = 'fr'): string {
  if (mode === 'distance') return value < 1000 ? `${nf(0, locale).format(value)} m` : `${nf(2, locale).format(value / 1000)} km`;
  if (value < 10_000) return `${nf(0, locale).format(value)} m²`;
  const ha = value / 10_000;
  return `${nf(ha < 100 ? 2 : 0, locale).format(ha)} ha`;
}

/** The drawing as a feature to keep in the workspace, with its figure as properties. */
export function measureToKeep(mode: MeasureMode, points: Position[]): GeoFeature | null {
  const f = measureFeature(mode, points);
  if (!f) return null;
  const value = measureValue(mode, points);
  f.properties =
    mode === 'distance'
      ? { mesure: 'distance', longueur_m: Math.round(value * 10) / 10, longueur_km: Math.round(value) / 1000 }
      : { mesure: 'surface', surface_m2: Math.round(value), surface_ha: Math.round(value / 100) / 100 };
  return f;
}
