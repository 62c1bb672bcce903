// The coordinates readout's text: French decimal comma and N/S E/W, Lambert-93 in whole metres with
// French thousands separators, and Lambert-93 values that agree with GDAL/PROJ.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatLambert93, formatPosition, formatWgs84, plainSpaces } from '../../src/core/geo/coordinates';
import { projectionFrom4326 } from '../../src/core/export/crs';
import { gdalOrSkip } from '../support/gdal';

const NNBSP = '\u202f';
const LENS = [2.8321, 50.4321];

describe('WGS 84 degrees', () => {
  it('writes latitude first, five decimals with a French decimal comma', () => {
    expect(formatWgs84(LENS)).toBe('50,43210° N 2,83210° E');
    expect(formatWgs84([2.123456789, 50.987654321])).toBe('50,98765° N 2,12346° E');
  });
  it('names the hemispheres (O for ouest in French, W in English)', () => {
    expect(formatWgs84([-1.5, -33.25])).toBe('33,25000° S 1,50000° O');
    expect(formatWgs84([-1.5, -33.25], 'en')).toBe('33.25000° S 1.50000° W');
  });
});

describe('Lambert-93 metres', () => {
  it('rounds to the metre with narrow no-break spaces between thousands', () => {
    expect(formatLambert93([689123.4, 7037456.6])).toBe(`X 689${NNBSP}123 m Y 7${NNBSP}037${NNBSP}457 m`);
    expect(formatLambert93([689123.4, 7037456.6], 'en')).toBe('X 689,123 m Y 7,037,457 m');
  });
  it('gives plain spaces for the clipboard', () => {
    expect(plainSpaces(formatLambert93([689123.4, 7037456.6]))).toBe('X 689 123 m Y 7 037 457 m');
  });
  it('projects Lens as GDAL does (gdaltransform -s_srs EPSG:4326 -t_srs EPSG:2154 → 688053.378 7037188.314)', () => {
    const [x, y] = projectionFrom4326('EPSG:2154')(LENS);
    expect(x).toBeCloseTo(688053.378, 2);
    expect(y).toBeCloseTo(7037188.314, 2);
    expect(formatPosition(LENS, 'EPSG:2154', 'fr', projectionFrom4326('EPSG:2154'))).toBe(`X 688${NNBSP}053 m Y 7${NNBSP}037${NNBSP}188 m`);
  });
  it('says nothing in Lambert-93 until the projection is loaded', () => {
    expect(formatPosition(LENS, 'EPSG:2154', 'fr', null)).toBeNull();
    expect(formatPosition(LENS, 'EPSG:4326', 'fr', null)).toBe('50,43210° N 2,83210° E');
  });
  it('agrees with GDAL to the centimetre across the CALL', () => {
    if (!gdalOrSkip()) return;
    // Corners and centre of the CALL's territory, and Lambert-93's own origin.
    const points = [
      [2.6, 50.35],
      [3.05, 50.52],
      [2.83, 50.43],
      [3, 46.5],
    ];
    const out = execFileSync('gdaltransform', ['-s_srs', 'EPSG:4326', '-t_srs', 'EPSG:2154', '-output_xy'], {
      input: points.map((p) => p.join(' ')).join('\n'),
      encoding: 'utf8',
    });
    const gdal = out
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number));
    const project = projectionFrom4326('EPSG:2154');
    points.forEach((p, i) => {
      const [x, y] = project(p);
      expect(Math.abs(x - gdal[i][0])).toBeLessThan(0.01);
      expect(Math.abs(y - gdal[i][1])).toBeLessThan(0.01);
    });
  });
});
