import { describe, expect, it } from 'vitest';
import { formatMeasure, measureFeature, measureToKeep, measureValue } from '../../src/app/workbench/measure/measure';
import { KM_PER_DEG, boxAreaHa } from '../fixtures/territory';

describe('measure tool', () => {
  it('measures a distance along a meridian: Δlat × 111.195 km', () => {
    const points = [
      [2.82, 50.42],
      [2.82, 50.43],
      [2.82, 50.44],
    ];
    expect(measureValue('distance', points)).toBeCloseTo(0.02 * KM_PER_DEG * 1000, 3);
    expect(measureValue('distance', points.slice(0, 1))).toBe(0);
  });

  it('closes the ring of an area and measures it like Turf (box area in closed form, 0.5 %)', () => {
    const points = [
      [2.8, 50.42],
      [2.82, 50.42],
      [2.82, 50.44],
      [2.8, 50.44],
    ];
    const f = measureFeature('surface', points);
    expect(f?.geometry).toMatchObject({ type: 'Polygon' });
    const ring = (f!.geometry as { coordinates: number[][][] }).coordinates[0];
    expect(ring.at(-1)).toEqual(ring[0]);
    const expectedM2 = boxAreaHa(2.8, 50.42, 2.82, 50.44) * 10_000;
    expect(Math.abs(measureValue('surface', points) - expectedM2) / expectedM2).toBeLessThan(0.005);
    expect(measureValue('surface', points.slice(0, 2))).toBe(0);
  });

  it('writes figures as French readers expect, in m, km, m² or ha', () => {
    const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
    expect(nbsp(formatMeasure('distance', 850.4))).toBe('850 m');
    expect(nbsp(formatMeasure('distance', 12_345))).toBe('12,35 km');
    expect(nbsp(formatMeasure('surface', 4200))).toBe('4 200 m²');
    expect(nbsp(formatMeasure('surface', 35_200))).toBe('3,52 ha');
    expect(nbsp(formatMeasure('surface', 12_040_000))).toBe('1 204 ha');
  });

  it('keeps the drawing with its figure as properties', () => {
    const kept = measureToKeep('distance', [
      [2.82, 50.42],
      [2.82, 50.43],
    ]);
    expect(kept?.properties.mesure).toBe('distance');
    expect(kept?.properties.longueur_km).toBeCloseTo(0.01 * KM_PER_DEG, 3);
    expect(measureToKeep('surface', [[2.82, 50.42]])).toBeNull();
  });
});
