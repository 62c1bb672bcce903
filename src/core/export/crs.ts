// Coordinate systems an export can be written in, and how each format declares them. The workspace
// holds WGS 84 lon/lat; planners' projects are in Lambert-93 (national) or CC50 (the conic zone
// over Lens-Liévin), so every export is reprojected here, just before writing. Isomorphic.
import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import type { GeoFeature } from '../../../layers/types';
import { CRS_LABELS, mapPositions } from '../geo/crs';
import type { ExportCrs } from '../types';

export const EXPORT_CRS: readonly ExportCrs[] = ['EPSG:4326', 'EPSG:2154', 'EPSG:3950'];

export const isExportCrs = (value: string): value is ExportCrs => (EXPORT_CRS as readonly string[]).includes(value);

export const epsgNumber = (code: ExportCrs): number => Number(code.slice(5));

export const exportCrsLabel = (code: ExportCrs): string => `${CRS_LABELS[code]} (${code})`;

/** Short tag for file names: a planner's folder then tells the Lambert-93 copy from the WGS 84 one. */
export const CRS_FILE_TAGS: Record<ExportCrs, string> = { 'EPSG:4326': '', 'EPSG:2154': 'l93', 'EPSG:3950': 'cc50' };

/**
 * ESRI WKT as GDAL writes it in a shapefile's .prj (checked with ogr2ogr 3.6): GDAL, QGIS and
 * ArcGIS all identify these three texts as EPSG 4326, 2154 and 3950.
 */
export const ESRI_PRJ: Record<ExportCrs, string> = {
  'EPSG:4326':
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  'EPSG:2154':
    'PROJCS["RGF_1993_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",49.0],PARAMETER["Standard_Parallel_2",44.0],PARAMETER["Latitude_Of_Origin",46.5],UNIT["Meter",1.0]]',
  'EPSG:3950':
    'PROJCS["RGF_1993_CC50",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",1700000.0],PARAMETER["False_Northing",9200000.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",49.25],PARAMETER["Standard_Parallel_2",50.75],PARAMETER["Latitude_Of_Origin",50.0],UNIT["Meter",1.0]]',
};

const RGF93_GEOGCS =
  'GEOGCS["RGF93 v1",DATUM["Reseau_Geodesique_Francais_1993_v1",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],AUTHORITY["EPSG","6171"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4171"]]';

/** OGC WKT 1 with EPSG authorities, as `gdalsrsinfo -o wkt1` prints them: for FlatGeobuf headers and GeoPackage's gpkg_spatial_ref_sys. */
export const OGC_WKT: Record<ExportCrs, string> = {
  'EPSG:4326':
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
  'EPSG:2154': `PROJCS["RGF93 v1 / Lambert-93",${RGF93_GEOGCS},PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["latitude_of_origin",46.5],PARAMETER["central_meridian",3],PARAMETER["standard_parallel_1",49],PARAMETER["standard_parallel_2",44],PARAMETER["false_easting",700000],PARAMETER["false_northing",6600000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","2154"]]`,
  'EPSG:3950': `PROJCS["RGF93 v1 / CC50",${RGF93_GEOGCS},PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["latitude_of_origin",50],PARAMETER["central_meridian",3],PARAMETER["standard_parallel_1",49.25],PARAMETER["standard_parallel_2",50.75],PARAMETER["false_easting",1700000],PARAMETER["false_northing",9200000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","3950"]]`,
};

/** WGS 84 lon/lat → `code`, 2D (every writer here is 2D). */
export function projectionFrom4326(code: ExportCrs): (p: Position) => Position {
  if (code === 'EPSG:4326') return (p) => [p[0], p[1]];
  const converter = proj4('EPSG:4326', code);
  return (p) => {
    const [x, y] = converter.forward([p[0], p[1]]);
    return [x, y];
  };
}

/**
 * The features with their geometries in `code` (properties shared, not copied). `onProgress` is
 * told the fraction done every few thousand features: 100,000 polygons take seconds.
 */
export function reprojectForExport(features: GeoFeature[], code: ExportCrs, onProgress?: (fraction: number) => void): GeoFeature[] {
  if (code === 'EPSG:4326') return features;
  const project = projectionFrom4326(code);
  const out: GeoFeature[] = new Array<GeoFeature>(features.length);
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const geometry = f.geometry as Geometry | null;
    out[i] = { ...f, geometry: geometry ? mapPositions(geometry, project) : null } as GeoFeature;
    if (onProgress && i % 5000 === 4999) onProgress(i / features.length);
  }
  return out;
}
