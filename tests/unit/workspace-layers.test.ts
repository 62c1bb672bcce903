import { describe, expect, it } from 'vitest';
import type { WorkspaceItem } from '../../src/core/types';
import { OUTLINE_AUTO_LIMIT, outlinesShown } from '../../src/app/workbench/items';
import { workspaceDeckLayers } from '../../src/app/workbench/map/workspace-layers';
import { toBinary } from '../../src/core/codec/binary';
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

const square = toBinary([
  {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [2.8, 50.4],
          [2.81, 50.4],
          [2.81, 50.41],
          [2.8, 50.4],
        ],
      ],
    },
    properties: {},
  },
]);
const stroked = (i: WorkspaceItem) => (workspaceDeckLayers([i], { [i.id]: square })[0].props as unknown as { stroked: boolean }).stroked;

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
