// Accessibility helpers: what a toggle changed and how many features the view shows (announced),
// and the statement's facts kept in line with the installed axe-core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeoFeature } from '../../layers/types';
import type { LayerData } from '../../src/app/data/useLayerData';
import { countVisibleFeatures, singleChange } from '../../src/app/a11y/visible-count';
import { AXE_TAGS, AXE_VERSION } from '../../src/app/a11y/statement';
import { formatHash, parseHash } from '../../src/app/state/url-state';

const at = (lon: number, lat: number): GeoFeature => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} });
const data: LayerData = {
  communes: { state: 'ok', features: [at(2.8, 50.4), at(2.9, 50.45)] },
  'parcs-terrils': { state: 'ok', features: [at(2.81, 50.41), at(3.5, 51)] },
  'ev5-troncons': { state: 'erreur', message: 'x' },
};
const vis = (layers: string[], sublayers: string[]) => ({ layers: new Set(layers), sublayers: new Set(sublayers) });

describe('visible feature count', () => {
  it('counts the features of shown sublayers that meet the view', () => {
    const all = vis(['communes', 'parcs'], ['communes', 'parcs-terrils']);
    expect(countVisibleFeatures(all, data, null)).toBe(4);
    expect(countVisibleFeatures(all, data, [2.75, 50.35, 2.85, 50.42])).toBe(2);
    expect(countVisibleFeatures(vis(['communes'], ['communes', 'parcs-terrils']), data, null)).toBe(2);
    expect(countVisibleFeatures(vis(['communes', 'parcs'], ['communes']), data, null)).toBe(2);
  });

  it('names the one layer or sublayer a toggle changed, and nothing when several changed', () => {
    const before = vis(['communes', 'parcs'], ['communes', 'parcs-terrils']);
    expect(singleChange(before, vis(['communes'], ['communes', 'parcs-terrils']))).toEqual({ kind: 'layer', id: 'parcs', on: false });
    expect(singleChange(before, vis(['communes', 'parcs'], ['communes', 'parcs-terrils', 'cites']))).toEqual({
      kind: 'sublayer',
      id: 'cites',
      on: true,
    });
    expect(singleChange(before, before)).toBeNull();
    expect(singleChange(before, vis(['communes', 'parcs', 'ev5'], ['communes', 'parcs-terrils', 'ev5-troncons']))).toBeNull();
  });
});

describe('accessibility statement facts', () => {
  it('states the axe-core version the tests install', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/package.json'), 'utf8')) as { version: string };
    expect(AXE_VERSION).toBe(pkg.version);
    expect(AXE_TAGS).toEqual(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  });
});

describe('URL of the new views', () => {
  it('keeps the statement page and an open table view', () => {
    expect(parseHash('#accessibilite')).toEqual({ page: 'accessibilite' });
    expect(parseHash('#couches=parcs&tableau=parcs-terrils')).toEqual({ layers: ['parcs'], table: 'parcs-terrils' });
    expect(formatHash({ page: 'accessibilite' })).toBe('#accessibilite');
    expect(parseHash(formatHash({ table: 'cites', selection: { sublayerId: 'cites', index: 3 } }))).toEqual({
      table: 'cites',
      selection: { sublayerId: 'cites', index: 3 },
    });
    expect(parseHash('#tableau=<script>')).toEqual({});
  });
});
