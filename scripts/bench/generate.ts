// Generated inputs for the benchmarks: N small polygons (about 500 bytes of GeoJSON each) scattered
// over the CALL's bounding box with a seeded generator, so every run reads the same bytes.
import type { Feature, Polygon } from 'geojson';

/** Bounding box of the territory, lon/lat (rounded outward). */
export const CALL_BOX: [number, number, number, number] = [2.64, 50.33, 3.0, 50.52];

/** Deterministic PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['haie', 'mare', 'prairie', 'boisement', 'friche', 'jardin'];

/** A 12-vertex polygon of radius ~15-40 m around a random point of the box. */
export function generatedParcels(count: number, seed = 42): Feature<Polygon>[] {
  const random = seeded(seed);
  const [w, s, e, n] = CALL_BOX;
  const out: Feature<Polygon>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const lon = w + random() * (e - w);
    const lat = s + random() * (n - s);
    const r = (15 + random() * 25) / 111_195;
    const ring: [number, number][] = [];
    for (let k = 0; k < 12; k++) {
      const a = (k / 12) * 2 * Math.PI;
      ring.push([+(lon + (r * Math.cos(a)) / Math.cos((lat * Math.PI) / 180)).toFixed(7), +(lat + r * Math.sin(a)).toFixed(7)]);
    }
    ring.push(ring[0]);
    out[i] = {
      type: 'Feature',
      properties: { id: i + 1, nom: `Parcelle ${i + 1}`, type: TYPES[i % TYPES.length], surface_m2: Math.round(Math.PI * (r * 111_195) ** 2) },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  }
  return out;
}

const BUILDING_USES = ['maison', 'immeuble', 'garage', 'commerce', 'atelier', 'école'];

/**
 * A building-like footprint per feature: a rotated rectangle of 6-25 m sides (5 positions), about
 * 230 bytes of GeoJSON. Small on purpose: 1,000,000 of them stay under V8's ~512 MB string limit,
 * which the 12-vertex parcels above would not.
 */
export function generatedBuildings(count: number, seed = 7): Feature<Polygon>[] {
  const random = seeded(seed);
  const [w, s, e, n] = CALL_BOX;
  const out: Feature<Polygon>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const lon = w + random() * (e - w);
    const lat = s + random() * (n - s);
    const halfW = (3 + random() * 9.5) / 111_195;
    const halfH = (3 + random() * 9.5) / 111_195;
    const angle = random() * Math.PI;
    const cosLat = Math.cos((lat * Math.PI) / 180);
    const corner = (dx: number, dy: number): [number, number] => [
      +(lon + (dx * Math.cos(angle) - dy * Math.sin(angle)) / cosLat).toFixed(7),
      +(lat + dx * Math.sin(angle) + dy * Math.cos(angle)).toFixed(7),
    ];
    const ring = [corner(-halfW, -halfH), corner(halfW, -halfH), corner(halfW, halfH), corner(-halfW, halfH)];
    ring.push(ring[0]);
    out[i] = {
      type: 'Feature',
      properties: { id: i + 1, usage: BUILDING_USES[i % BUILDING_USES.length], hauteur_m: Math.round(3 + random() * 20) },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  }
  return out;
}
