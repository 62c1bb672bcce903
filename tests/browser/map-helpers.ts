// Helpers shared by the browser tests: screenshots as pixels, and finding an on-screen point where
// a given sublayer is really drawn (topmost, not under a panel).
import type { Page } from 'playwright-core';
import type { GeoFeature, GeometryKind } from '../../layers/types';
import type { Harness } from './harness';
import { boundaryVertex, pointOn } from './built-data';
import { decodePng, type Image } from './png';

export async function screenshot(page: Page): Promise<Image> {
  // Keep the pointer off the map so that no hover outline is drawn.
  await page.mouse.move(2, 2);
  return decodePng(await page.screenshot({ type: 'png' }));
}

export interface VisiblePoint {
  x: number;
  y: number;
  index: number;
}

/**
 * A page position where feature `index` of the sublayer is picked by deck.gl: topmost for filled
 * shapes, anywhere in the stack for outline-only ones. The position must hit the map canvas itself.
 */
export async function visiblePointOf(h: Harness, sublayerId: string, feature: GeoFeature, index: number, kind: GeometryKind, outlineOnly: boolean): Promise<VisiblePoint | null> {
  const lonLat = outlineOnly ? boundaryVertex(feature) : pointOn(feature, kind);
  return h.page.evaluate(
    ({ lonLat, sublayerId, index, outlineOnly }) => {
      const atlas = window.__atlas!;
      const canvas = atlas.map.getCanvas();
      const rect = canvas.getBoundingClientRect();
      const p = atlas.map.project(lonLat);
      const x = rect.left + p.x;
      const y = rect.top + p.y;
      const margin = 12;
      if (p.x < margin || p.y < margin || p.x > rect.width - margin || p.y > rect.height - margin) return null;
      // Not under a panel, control or the attribution box (probe the whole window tested later).
      for (const [dx, dy] of [[0, 0], [-6, -6], [6, 6], [-6, 6], [6, -6]]) {
        if (document.elementFromPoint(x + dx, y + dy) !== canvas) return null;
      }
      const picks = outlineOnly ? atlas.pickAll(p.x, p.y) : [atlas.pick(p.x, p.y)];
      const hit = picks.find((q) => q?.sublayerId === sublayerId && q.index === index);
      if (!hit || (!outlineOnly && picks[0] !== hit)) return null;
      return { x, y, index };
    },
    { lonLat, sublayerId, index, outlineOnly },
  );
}

export async function findVisiblePoint(h: Harness, sublayerId: string, features: GeoFeature[], kind: GeometryKind, outlineOnly: boolean, tries = 80): Promise<VisiblePoint | null> {
  for (let i = 0; i < Math.min(features.length, tries); i++) {
    const point = await visiblePointOf(h, sublayerId, features[i], i, kind, outlineOnly);
    if (point) return point;
  }
  return null;
}

export async function pickAt(page: Page, x: number, y: number): Promise<{ sublayerId: string; index: number }[]> {
  return page.evaluate(([x, y]) => {
    const atlas = window.__atlas!;
    const rect = atlas.map.getCanvas().getBoundingClientRect();
    return atlas.pickAll(x - rect.left, y - rect.top);
  }, [x, y] as const);
}
