import type { Feature, Geometry } from 'geojson';

/** What the writer accepts: GeoJSON features in WGS 84 lon/lat, properties possibly null. */
export type FgbFeature = Feature<Geometry, Record<string, unknown> | null>;
