import type { Catalogue } from '../types';
import type { gis as fr } from './gis.fr';

export const gis: Catalogue<typeof fr> = {
  'gis.export.shapefile': 'Zipped Shapefile (GIS)',
  'gis.export.geopackage': 'GeoPackage (GIS, with spatial index)',
  'gis.export.crs': 'Coordinate system of the export',
  'gis.export.crsOnly': 'This format is written in WGS 84 only.',
  'gis.crs.EPSG:4326': 'WGS 84 (longitude/latitude, EPSG:4326)',
  'gis.crs.EPSG:2154': 'Lambert-93 (EPSG:2154)',
  'gis.crs.EPSG:3950': 'CC50 (EPSG:3950)',
  'gis.qgis.title': 'In QGIS',
  'gis.qgis.open': 'Open in QGIS (.qgs project, layers read online)',
  'gis.qgis.bundle': 'Download the offline QGIS project (.zip: project + GeoPackage of every layer, Lambert-93)',
  'gis.qgis.hint': 'The project keeps the atlas’s groups, styles and credits; QGIS 3 required.',
};
