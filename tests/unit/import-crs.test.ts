import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { crsCodeFromName, crsFromPrj, detectCrsFromRanges, parsePrj, rankCrsByRanges, reprojector } from '../../src/core/geo/crs';
import { PATH, project, SITES } from '../support/import-fixtures';
import {
  PRJ_CC50,
  PRJ_LAMBERT2_ETENDU,
  PRJ_LAMBERT93,
  PRJ_LAMBERT93_ARCGIS,
  PRJ_RGF93_GEOGRAPHIC,
  PRJ_UTM31N,
  PRJ_WEB_MERCATOR,
  PRJ_WGS84,
  WKT_LAMBERT93_OGC,
  WKT_WEB_MERCATOR_OGC,
  WKT_WGS84_OGC,
} from '../support/wkt';

const lonLats: Position[] = [...SITES.map((s) => s.lonLat), ...PATH];

describe('crsFromPrj', () => {
  it('recognises ESRI and OGC WKT of our four systems', () => {
    expect(crsFromPrj(PRJ_LAMBERT93)).toBe('EPSG:2154');
    expect(crsFromPrj(PRJ_LAMBERT93_ARCGIS)).toBe('EPSG:2154');
    expect(crsFromPrj(WKT_LAMBERT93_OGC)).toBe('EPSG:2154');
    expect(crsFromPrj(PRJ_CC50)).toBe('EPSG:3950');
    expect(crsFromPrj(PRJ_WGS84)).toBe('EPSG:4326');
    expect(crsFromPrj(WKT_WGS84_OGC)).toBe('EPSG:4326');
    expect(crsFromPrj(PRJ_RGF93_GEOGRAPHIC)).toBe('EPSG:4326');
    expect(crsFromPrj(PRJ_WEB_MERCATOR)).toBe('EPSG:3857');
    expect(crsFromPrj(WKT_WEB_MERCATOR_OGC)).toBe('EPSG:3857');
  });

  it('recognises Lambert-93 and CC50 by their parameters whatever their name', () => {
    expect(crsFromPrj(PRJ_LAMBERT93.replace('RGF93_Lambert_93', 'Projection_du_bureau_etudes'))).toBe('EPSG:2154');
    expect(crsFromPrj(PRJ_CC50.replace('RGF93_CC50', 'Mon_systeme'))).toBe('EPSG:3950');
    // The name says Lambert-93 but the parameters are CC50's: the parameters win.
    expect(crsFromPrj(PRJ_CC50.replace('RGF93_CC50', 'RGF93_Lambert_93'))).toBe('EPSG:3950');
  });

  it('falls back on the name when there are no parameters', () => {
    expect(crsFromPrj('PROJCS["RGF93_Lambert_93"]')).toBe('EPSG:2154');
    expect(crsFromPrj('PROJCS["Popular Visualisation CRS / Mercator"]')).toBe('EPSG:3857');
  });

  it('names the systems it does not support and returns null for them', () => {
    expect(parsePrj(PRJ_UTM31N)).toEqual({ code: null, name: 'WGS_1984_UTM_Zone_31N' });
    expect(parsePrj(PRJ_LAMBERT2_ETENDU)).toEqual({ code: null, name: 'NTF_Paris_Lambert_II_etendu' });
    expect(crsFromPrj('not a WKT')).toBeNull();
  });
});

describe('crsCodeFromName', () => {
  it('maps codes and URNs to our systems, and others to null', () => {
    expect(crsCodeFromName('urn:ogc:def:crs:EPSG::2154')).toBe('EPSG:2154');
    expect(crsCodeFromName('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe('EPSG:4326');
    expect(crsCodeFromName('3950')).toBe('EPSG:3950');
    expect(crsCodeFromName('EPSG:900913')).toBe('EPSG:3857');
    expect(crsCodeFromName('EPSG:32631')).toBeNull();
  });
});

describe('detectCrsFromRanges', () => {
  it('recognises each of the four systems from coordinates around Lens', () => {
    for (const code of ['EPSG:4326', 'EPSG:2154', 'EPSG:3950', 'EPSG:3857'] as const) {
      const detection = detectCrsFromRanges(lonLats.map((p) => project(code, p)));
      expect(detection.code, code).toBe(code);
      expect(detection.source).toBe('etendue');
      expect(detection.candidates[0]).toBe(code);
      expect(detection.detail).toContain('Lens');
    }
  });

  it('ranks by distance to Lens when ranges are ambiguous, listing every candidate', () => {
    // Web Mercator metres around Lens also fall in France (near the Atlantic) when read as Lambert-93.
    const detection = detectCrsFromRanges(lonLats.map((p) => project('EPSG:3857', p)));
    expect(detection.candidates).toEqual(['EPSG:3857', 'EPSG:2154']);
    expect(detection.detail).toMatch(/aussi en France en RGF93 \/ Lambert-93/);
  });

  it('finds nothing for coordinates outside France in every system, saying why in French', () => {
    // Swiss LV95 metres (Bern): in no system of ours do they land in France.
    const detection = detectCrsFromRanges([
      [2_600_000, 1_200_000],
      [2_601_000, 1_201_000],
    ]);
    expect(detection).toMatchObject({ code: null, source: 'inconnu', candidates: [] });
    expect(detection.detail).toMatch(/ne placent les données en France métropolitaine dans aucun/);
  });
});

describe('rankCrsByRanges', () => {
  it('tells how far from Lens each reading lands: UTM 31N around Lens read as Web Mercator lands in the Drôme', () => {
    // A limitation the importer warns about: without a .prj, UTM metres are a valid Web Mercator position in France.
    const utmAroundLens = [
      [486_900, 5_587_000],
      [488_000, 5_588_500],
    ];
    const [fit] = rankCrsByRanges(utmAroundLens);
    expect(fit.code).toBe('EPSG:3857');
    expect(fit.distanceKm).toBeGreaterThan(500);
  });
});

describe('reprojector', () => {
  it('round-trips Lambert-93, CC50 and Web Mercator to within 1e-9 degree, dropping Z', () => {
    for (const code of ['EPSG:2154', 'EPSG:3950', 'EPSG:3857'] as const) {
      const back = reprojector(code)([...project(code, [2.83, 50.43]), 42]);
      expect(back).toHaveLength(2);
      expect(back[0]).toBeCloseTo(2.83, 9);
      expect(back[1]).toBeCloseTo(50.43, 9);
    }
    expect(reprojector('EPSG:4326')([2.83, 50.43, 12])).toEqual([2.83, 50.43]);
  });
});
