// Helpers of the presentation and sharing tests: the camera, the address's parameters, a card's
// features as the map frames them.
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import type { BuiltCard } from '../../layers/cards';
import { matchesFilter } from '../../layers/cards';
import type { GeoFeature } from '../../layers/types';
import { builtCatalog, builtFeatures } from './built-data';
import { waitIdle } from './harness';

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
  w: number;
  s: number;
  e: number;
  n: number;
}

export async function mapView(page: Page): Promise<MapView> {
  return page.evaluate(() => {
    const map = window.__atlas!.map;
    const b = map.getBounds();
    const c = map.getCenter();
    return { zoom: map.getZoom(), lat: c.lat, lon: c.lng, w: b.getWest(), s: b.getSouth(), e: b.getEast(), n: b.getNorth() };
  });
}

/** Waits for the end of any camera flight, then for the map to be drawn. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.mapState === 'idle' && !!window.__atlas && !window.__atlas.map.isMoving(), undefined, {
    timeout: 90_000,
  });
  await waitIdle(page);
  await page.waitForFunction(() => !window.__atlas!.map.isMoving(), undefined, { timeout: 20_000 });
}

/** The address's parameters, decoded. */
export async function hashParams(page: Page): Promise<Record<string, string>> {
  const hash = await page.evaluate(() => window.location.hash);
  return Object.fromEntries(
    hash
      .replace(/^#/, '')
      .split('&')
      .filter(Boolean)
      .map((part) => {
        const eq = part.indexOf('=');
        return eq < 0 ? [part, ''] : [part.slice(0, eq), decodeURIComponent(part.slice(eq + 1))];
      }),
  );
}

/** Bounds of the features a card links (what its slide frames). */
export async function cardBounds(card: BuiltCard): Promise<[number, number, number, number] | null> {
  const catalog = builtCatalog();
  const features: GeoFeature[] = [];
  for (const link of card.links) {
    const file = catalog.layers.flatMap((l) => l.sublayers).find((s) => s.id === link.sublayer)?.file;
    if (!file) continue;
    features.push(...(await builtFeatures(file)).filter((f) => matchesFilter(f.properties, link.filter)));
  }
  if (!features.length) return null;
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features } as FeatureCollection);
  return [w, s, e, n];
}

/** The view holds the box (a framing with padding shows a little more). */
export function frames(view: MapView, [w, s, e, n]: [number, number, number, number]): boolean {
  const tolerance = 1e-4;
  return view.w <= w + tolerance && view.s <= s + tolerance && view.e >= e - tolerance && view.n >= n - tolerance;
}
