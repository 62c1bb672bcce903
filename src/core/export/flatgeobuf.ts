// FlatGeobuf with a spatial index; the credits travel in the header (description: the sentence,
// metadata: the credits as JSON), which GDAL/QGIS and flatgeobuf's readers expose.
import type { Geometry } from 'geojson';
import type { GeoFeature } from '../../../layers/types';
import { writeFlatGeobuf } from '../fgb/write';
import type { ExportContext } from './context';
import { CRS_LABELS } from '../geo/crs';
import { epsgNumber, OGC_WKT } from './crs';

/** Shape of the header `metadata` string (JSON). */
export interface FgbExportMetadata {
  credits: ExportContext['credits'];
  attribution: string;
  generatedAt?: string;
}

function hasCoordinates(geometry: Geometry | null | undefined): boolean {
  if (!geometry) return false;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.some(hasCoordinates);
  const visit = (c: unknown): boolean => (Array.isArray(c) ? typeof c[0] === 'number' || c.some(visit) : false);
  return visit(geometry.coordinates);
}

export function writeFgb(features: GeoFeature[], context: ExportContext): Uint8Array {
  // The spatial index needs a box per feature: say which ones cannot have one, in French,
  // rather than let the writer fail with an English message.
  const without = features.reduce((n, f) => n + (hasCoordinates(f.geometry as Geometry | null) ? 0 : 1), 0);
  if (without > 0)
    throw new Error(
      `export FlatGeobuf impossible : ${without} objet${without > 1 ? 's' : ''} sans géométrie ` +
        '(ce format exige une géométrie pour chaque objet ; exportez en GeoJSON ou en CSV)',
    );
  const metadata: FgbExportMetadata = {
    credits: context.credits,
    attribution: context.attribution,
    ...(context.generatedAt ? { generatedAt: context.generatedAt } : {}),
  };
  try {
    return writeFlatGeobuf(features, {
      name: context.name,
      title: context.name,
      description: context.attribution,
      metadata: JSON.stringify(metadata),
      crs: { code: epsgNumber(context.crs), wkt: OGC_WKT[context.crs], name: CRS_LABELS[context.crs] },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`export FlatGeobuf impossible : ${detail}`, { cause: error });
  }
}
