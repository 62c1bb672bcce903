// Planners' GIS exports: formats and coordinate systems of the exports.
export const gis = {
  'gis.export.shapefile': 'Shapefile zippé (SIG)',
  'gis.export.geopackage': 'GeoPackage (SIG, avec index spatial)',
  'gis.export.crs': 'Système de coordonnées de l’export',
  'gis.export.crsOnly': 'Ce format s’écrit uniquement en WGS 84.',
  'gis.crs.EPSG:4326': 'WGS 84 (longitude/latitude, EPSG:4326)',
  'gis.crs.EPSG:2154': 'Lambert-93 (EPSG:2154)',
  'gis.crs.EPSG:3950': 'CC50 (EPSG:3950)',
  'gis.qgis.title': 'Dans QGIS',
  'gis.qgis.open': 'Ouvrir dans QGIS (projet .qgs, couches lues en ligne)',
  'gis.qgis.bundle': 'Télécharger le projet QGIS hors ligne (.zip : projet + GeoPackage de toutes les couches, Lambert-93)',
  'gis.qgis.hint': 'Le projet reprend les groupes, les styles et les crédits de l’atlas ; QGIS 3 requis.',
} as const;
