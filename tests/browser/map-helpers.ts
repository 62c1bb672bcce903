// Helpers shared by the browser tests: screenshots as pixels, and finding an on-screen point where
// a given sublayer is really drawn (topmost, not under a panel).
import type { Page } from 'playwright-core';
import type { GeoFeature, GeometryKind } from '../../layers/types';
import { findSublayer } from '../../layers/index';
import type { Harness } from './harness';
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Feature } from 'geojson';
import { boundaryVertices, builtCatalog, builtFeatures, pointOn } from './built-data';
import { decodePng, type Image } from './png';

export async function screenshot(page: Page): Promise<Image> {
  // Keep the pointer off the map so that no hover outline is drawn.
  await page.mouse.move(2, 2);
  return decodePng(await page.screenshot({ type: 'png' }));
}

/** Screenshot of a small square of the page centred on (x, y). */
export async function shotAround(page: Page, x: number, y: number, radius = 8): Promise<Image> {
  await page.mouse.move(2, 2);
  const clip = { x: Math.round(x) - radius, y: Math.round(y) - radius, width: 2 * radius + 1, height: 2 * radius + 1 };
  return decodePng(await page.screenshot({ type: 'png', clip }));
}

export interface VisiblePoint {
  x: number;
  y: number;
  index: number;
}

/**
 * A page position where a feature of the sublayer is the topmost thing the map picks, on the map
 * canvas itself (not under a panel or a control). Filled shapes are probed inside (and the feature
 * must be the one probed); outline-only polygons along their boundary, where any of their features
 * may be on top. Candidates are tried in the given order inside one page call.
 */
export async function findVisiblePoint(
  h: Harness,
  sublayerId: string,
  features: GeoFeature[],
  kind: GeometryKind,
  outline: boolean,
  tries = 60,
): Promise<VisiblePoint | null> {
  // An outline shared with another layer's polygon (e.g. a commune that has a QPV) is covered by
  // it: probe only vertices that no other layer draws over.
  const sameLayer = findSublayer(sublayerId)?.layer.sublayers.map((s) => s.id) ?? [sublayerId];
  const others = outline ? await otherLayersPolygons(sameLayer) : [];
  const candidates = (outline ? outlineCandidates(features) : features.map((f, index) => ({ index, lonLat: pointOn(f, kind) })))
    .filter((c) => !others.some((o) => booleanPointInPolygon(c.lonLat, o)))
    .slice(0, tries);
  return h.page.evaluate(
    ({ candidates, sublayerId, outline }) => {
      const atlas = window.__atlas!;
      const canvas = atlas.map.getCanvas();
      const rect = canvas.getBoundingClientRect();
      const margin = 14;
      for (const { index, lonLat } of candidates) {
        const p = atlas.map.project(lonLat);
        if (p.x < margin || p.y < margin || p.x > rect.width - margin || p.y > rect.height - margin) continue;
        const x = rect.left + p.x;
        const y = rect.top + p.y;
        const clear = [
          [0, 0],
          [-9, -9],
          [9, 9],
          [-9, 9],
          [9, -9],
        ].every(([dx, dy]) => document.elementFromPoint(x + dx, y + dy) === canvas);
        if (!clear) continue;
        const top = atlas.pick(p.x, p.y);
        if (top?.sublayerId === sublayerId && (outline || top.index === index)) return { x, y, index: top.index };
      }
      return null;
    },
    { candidates, sublayerId, outline },
  );
}

/** Polygons of every drawn sublayer outside the given ones. */
async function otherLayersPolygons(exclude: string[]): Promise<Feature<Polygon | MultiPolygon>[]> {
  const subs = builtCatalog()
    .layers.flatMap((l) => l.sublayers)
    .filter((s) => s.file && s.geometry === 'polygon' && !exclude.includes(s.id));
  const all = await Promise.all(subs.map((s) => builtFeatures(s.file!)));
  return all.flat() as Feature<Polygon | MultiPolygon>[];
}

/** Boundary vertices, those shared by two features (inner limits) first, a few per feature. */
function outlineCandidates(features: GeoFeature[]): { index: number; lonLat: [number, number] }[] {
  const key = (p: [number, number]): string => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
  const all = features.flatMap((f, index) => boundaryVertices(f, 12).map((lonLat) => ({ index, lonLat })));
  const uses = new Map<string, number>();
  for (const f of features) {
    for (const v of boundaryVertices(f, 400)) uses.set(key(v), (uses.get(key(v)) ?? 0) + 1);
  }
  const shared = all.filter((c) => (uses.get(key(c.lonLat)) ?? 0) > 1);
  const rest = all.filter((c) => (uses.get(key(c.lonLat)) ?? 0) <= 1);
  return [...shared, ...rest];
}

export async function pickAt(page: Page, x: number, y: number, all = false): Promise<{ sublayerId: string; index: number }[]> {
  return page.evaluate(
    ([x, y, all]) => {
      const atlas = window.__atlas!;
      const rect = atlas.map.getCanvas().getBoundingClientRect();
      if (all) return atlas.pickAll(x - rect.left, y - rect.top);
      const top = atlas.pick(x - rect.left, y - rect.top);
      return top ? [top] : [];
    },
    [x, y, all] as const,
  );
}
