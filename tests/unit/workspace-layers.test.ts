import { describe, expect, it } from 'vitest';
import type { WorkspaceItem } from '../../src/core/types';
import { OUTLINE_AUTO_LIMIT, outlinesShown } from '../../src/app/workbench/items';
import { itemIdFromLayer, workspaceStyle } from '../../src/app/workbench/map/workspace-layers';
import { parseTileUrl } from '../../src/core/codec/tile-url';
import { workspaceSymbol } from '../../src/app/map/workspace-symbol';
import { invalidField } from '../../src/app/workbench/store/validate';

const item = (polygons: number, extra: Partial<WorkspaceItem> = {}): WorkspaceItem => ({
  id: 'ws-1',
  kind: 'import',
  name: 'parcelles',
  colour: [200, 40, 40],
  opacity: 0.8,
  order: 1,
  visible: true,
  createdAt: '2026-11-28T00:00:00.000Z',
  featureCount: polygons,
  geometryTypes: { Polygon: polygons },
  bounds: [2.8, 50.4, 2.9, 50.5],
  propertyNames: [],
  credits: [],
  ...extra,
});

const layersOf = (items: WorkspaceItem[], revisions: Record<string, number> = Object.fromEntries(items.map((i) => [i.id, 1]))) =>
  workspaceStyle(items, revisions).layers;
/** Whether polygon outlines are drawn: the line layer's filter lets polygons through. */
const stroked = (i: WorkspaceItem) => {
  const line = layersOf([i]).find((l) => l.type === 'line');
  return !!line && JSON.stringify((line as { filter: unknown }).filter) === JSON.stringify(['!=', '$type', 'Point']);
};

describe('outlines of imported polygon layers', () => {
  it('draws outlines up to the limit and fills only beyond it, unless the planner asks', () => {
    expect(stroked(item(OUTLINE_AUTO_LIMIT))).toBe(true);
    expect(stroked(item(OUTLINE_AUTO_LIMIT + 1))).toBe(false);
    expect(stroked(item(OUTLINE_AUTO_LIMIT + 1, { outlines: true }))).toBe(true);
    expect(stroked(item(10, { outlines: false }))).toBe(false);
  });

  it('always outlines analysis zones, whose dashes are their whole point', () => {
    expect(outlinesShown(item(OUTLINE_AUTO_LIMIT * 2, { kind: 'resultat' }))).toBe(true);
  });

  it('keeps the choice in the stored item and refuses a malformed one', () => {
    expect(invalidField(item(5, { outlines: true }))).toBeNull();
    expect(invalidField(item(5))).toBeNull();
    expect(invalidField({ ...item(5), outlines: 'oui' })).toBe('outlines');
  });
});

describe('workspace items on the map', () => {
  it('draws each item from its own tiles, in the items’ order, only once the worker holds it', () => {
    const a = item(3, { id: 'ws-a', order: 2 });
    const b = item(3, { id: 'ws-b', order: 1, visible: false });
    const c = item(3, { id: 'ws-c', order: 3 });
    const style = workspaceStyle([a, b, c], { 'ws-a': 4, 'ws-b': 2 });
    // ws-c has no revision yet (its import is still running): nothing asked for it.
    expect(Object.keys(style.sources)).toEqual(['espace-ws-b', 'espace-ws-a']);
    expect(style.sources['espace-ws-a'].tiles).toEqual(['atelier://ws-a/4/{z}/{x}/{y}']);
    expect(style.sources['espace-ws-a'].bounds).toEqual(a.bounds);
    expect(style.layers.map((l) => itemIdFromLayer(l.id))).toEqual(['ws-b', 'ws-b', 'ws-a', 'ws-a']);
    expect(style.layers.filter((l) => l.layout?.visibility === 'none').map((l) => l.id)).toEqual(['espace:ws-b:surface', 'espace:ws-b:contour']);
    expect(itemIdFromLayer('parcs-espaces')).toBeNull();
  });

  it('adds only the layers an item’s geometry needs', () => {
    const types = (geometryTypes: Record<string, number>) => layersOf([item(0, { geometryTypes })]).map((l) => l.type);
    expect(types({ Point: 3 })).toEqual(['circle']);
    expect(types({ MultiLineString: 1 })).toEqual(['line']);
    expect(types({ Polygon: 2, MultiPolygon: 1 })).toEqual(['fill', 'line']);
    expect(types({ Polygon: OUTLINE_AUTO_LIMIT + 1 })).toEqual(['fill']);
    expect(types({ GeometryCollection: 1 })).toEqual(['fill', 'line', 'circle']);
  });

  it('dashes analysis zones and fills them lighter than imports', () => {
    const [fill, line] = layersOf([item(2, { kind: 'resultat' })]);
    expect((line.paint as Record<string, unknown>)['line-dasharray']).toBeDefined();
    expect((fill.paint as Record<string, unknown>)['fill-color']).toBe('rgba(200, 40, 40, 0.144)');
    const [importFill, importLine] = layersOf([item(2)]);
    expect((importLine.paint as Record<string, unknown>)['line-dasharray']).toBeUndefined();
    expect((importFill.paint as Record<string, unknown>)['fill-color']).toBe('rgba(200, 40, 40, 0.28)');
  });

  it('reads back the tile the map asks for, and nothing else', () => {
    expect(parseTileUrl('atelier://ws-0f3a-1/7/14/8312/5467')).toEqual({ id: 'ws-0f3a-1', z: 14, x: 8312, y: 5467 });
    expect(parseTileUrl('atelier://ws-1/7/14/8312')).toBeNull();
    expect(parseTileUrl('https://example.org/ws-1/7/14/1/2')).toBeNull();
    expect(parseTileUrl('atelier://../../7/1/1/1')).toBeNull();
  });
});

describe('workspace items in the legends', () => {
  it('shows each item with the symbol the map draws: fill share, dashed results, points as circles', () => {
    const imported = workspaceSymbol(item(3));
    expect(imported.geometry).toBe('polygon');
    expect(imported.symbol.fill).toEqual([200, 40, 40, Math.round(0.8 * 0.35 * 255)]);
    expect(imported.symbol.dash).toBeUndefined();
    const result = workspaceSymbol(item(1, { kind: 'resultat' }));
    expect(result.symbol.dash).toEqual([2.4, 1.2]);
    expect(result.symbol.fill![3]).toBe(Math.round(0.8 * 0.18 * 255));
    const dashed = layersOf([item(1, { kind: 'resultat' })]).find((l) => l.type === 'line')!;
    expect((dashed.paint as Record<string, unknown>)['line-dasharray']).toEqual(result.symbol.dash);
    expect(workspaceSymbol(item(0, { geometryTypes: { Point: 4 } }))).toMatchObject({ geometry: 'point', symbol: { marker: 'cercle' } });
    expect(workspaceSymbol(item(0, { geometryTypes: { LineString: 1 } })).geometry).toBe('line');
  });
});
