// The .qgs document: the layers grouped as in the atlas's panel, each with its datasource (site
// FlatGeobuf or bundled GeoPackage), renderer and credits in its metadata.
import { layerDefinitions } from '../../../layers/index';
import type { Catalog, CatalogSublayer, LayerDefinition, SublayerDefinition } from '../../../layers/types';
import { attributionSentence, creditsFromCatalog, shareAlikeNotice } from '../../../src/core/credits';
import { OGC_WKT, projectionFrom4326 } from '../../../src/core/export/crs';
import { gpkgTableName } from '../../../src/core/export/geopackage';
import { escapeXml } from '../../../src/core/export/kml';
import type { ExportCrs } from '../../../src/core/types';
import { rendererXml } from './symbology';

export const QGIS_PROJECT = 'atlas-lens-lievin.qgs';
export const BUNDLE_GPKG = 'atlas-lens-lievin.gpkg';
export const PROJECT_CRS: ExportCrs = 'EPSG:2154';

const PROJ4: Record<ExportCrs, string> = {
  'EPSG:4326': '+proj=longlat +datum=WGS84 +no_defs',
  'EPSG:2154': '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  'EPSG:3950':
    '+proj=lcc +lat_0=50 +lon_0=3 +lat_1=49.25 +lat_2=50.75 +x_0=1700000 +y_0=9200000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
};

const srsXml = (crs: ExportCrs) =>
  `<spatialrefsys><wkt>${escapeXml(OGC_WKT[crs])}</wkt><proj4>${PROJ4[crs]}</proj4><srid>${crs.slice(5)}</srid><authid>${crs}</authid><geographicflag>${
    crs === 'EPSG:4326' ? 'true' : 'false'
  }</geographicflag></spatialrefsys>`;

const GEOMETRY: Record<SublayerDefinition['geometry'], string> = { point: 'Point', line: 'Line', polygon: 'Polygon' };

/** Where a sublayer's features are read from: the site's FlatGeobuf or the bundle's GeoPackage. */
export type Datasource = { kind: 'fgb'; baseUrl: string } | { kind: 'gpkg' };

export const layerId = (sublayerId: string) => `atlas_${sublayerId.replace(/-/g, '_')}`;
export const bundleTable = (sublayerId: string) => gpkgTableName(sublayerId.replace(/-/g, '_'));

export function datasourceOf(sub: CatalogSublayer, source: Datasource): string {
  return source.kind === 'fgb'
    ? // GDAL names a FlatGeobuf layer after its file: a sublayer drawn from another one's file (the TVB's green
      // corridors) reads that file's layer.
      `/vsicurl/${source.baseUrl.replace(/\/+$/, '')}/data/${sub.file}|layername=${(sub.file ?? sub.id).replace(/\.fgb$/, '')}`
    : `./${BUNDLE_GPKG}|layername=${bundleTable(sub.id)}`;
}

interface Drawable {
  layer: LayerDefinition;
  sublayer: SublayerDefinition;
  entry: CatalogSublayer;
}

/** Sublayers with a file, in panel order: the others have no geometry to open. */
export function drawableSublayers(catalog: Catalog): Drawable[] {
  return layerDefinitions.flatMap((layer) => {
    const cat = catalog.layers.find((l) => l.id === layer.id);
    return layer.sublayers.flatMap((sublayer) => {
      const entry = cat?.sublayers.find((s) => s.id === sublayer.id);
      return entry?.file && entry.featureCount > 0 ? [{ layer, sublayer, entry }] : [];
    });
  });
}

function creditsText(catalog: Catalog, sublayerId: string) {
  const credits = creditsFromCatalog(catalog, [sublayerId]);
  const rights = credits.map((c) => `${c.producer} (${c.date}) – ${c.licence}`);
  const shareAlike = shareAlikeNotice(credits);
  return { sentence: attributionSentence(credits), rights, licences: [...new Set(credits.map((c) => c.licence))], shareAlike };
}

export function projectXml(catalog: Catalog, source: Datasource): string {
  const drawables = drawableSublayers(catalog);
  const maplayers = drawables.map(({ layer, sublayer, entry }) => {
    const credits = creditsText(catalog, sublayer.id);
    const abstract = [layer.description, layer.caveat, credits.sentence, credits.shareAlike].filter(Boolean).join('\n\n');
    const srs = source.kind === 'fgb' ? 'EPSG:4326' : PROJECT_CRS;
    return `<maplayer type="vector" geometry="${GEOMETRY[sublayer.geometry]}" autoRefreshEnabled="0" simplifyDrawingHints="0" readOnly="0" labelsEnabled="0" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" refreshOnNotifyEnabled="0" styleCategories="AllStyleCategories">
<id>${layerId(sublayer.id)}</id>
<datasource>${escapeXml(datasourceOf(entry, source))}</datasource>
<keywordList><value>Atlas Lens-Liévin</value></keywordList>
<layername>${escapeXml(`${layer.title} – ${sublayer.title}`)}</layername>
<srs>${srsXml(srs as ExportCrs)}</srs>
<resourceMetadata><identifier>${sublayer.id}</identifier><parentidentifier>${layer.id}</parentidentifier><language>fre</language><type>dataset</type><title>${escapeXml(
      sublayer.title,
    )}</title><abstract>${escapeXml(abstract)}</abstract><links/><fees></fees>${credits.licences
      .map((l) => `<licence>${escapeXml(l)}</licence>`)
      .join('')}${[...credits.rights, ...(credits.shareAlike ? [credits.shareAlike] : [])]
      .map((r) => `<rights>${escapeXml(r)}</rights>`)
      .join('')}<encoding></encoding><crs>${srsXml(srs as ExportCrs)}</crs></resourceMetadata>
<abstract>${escapeXml(abstract)}</abstract>
<attribution>${escapeXml(credits.sentence)}</attribution>
<provider encoding="UTF-8">ogr</provider>
${rendererXml(sublayer)}
<blendMode>0</blendMode><featureBlendMode>0</featureBlendMode><layerOpacity>1</layerOpacity>
<mapTip>[% "${escapeXml(sublayer.nameField)}" %]</mapTip>
</maplayer>`;
  });
  // Groups in panel order; QGIS draws the top of its tree on top, the atlas draws high `order` on top.
  const groups = layerDefinitions
    .map((layer) => {
      const mine = drawables.filter((d) => d.layer.id === layer.id);
      if (mine.length === 0) return '';
      const checked = (on: boolean) => (on ? 'Qt::Checked' : 'Qt::Unchecked');
      return `<layer-tree-group name="${escapeXml(layer.title)}" checked="${checked(layer.defaultVisible)}" expanded="1"><customproperties/>${mine
        .map(
          (d) =>
            `<layer-tree-layer id="${layerId(d.sublayer.id)}" name="${escapeXml(d.sublayer.title)}" source="${escapeXml(
              datasourceOf(d.entry, source),
            )}" providerKey="ogr" checked="${checked(d.sublayer.defaultVisible)}" expanded="1"><customproperties/></layer-tree-layer>`,
        )
        .join('')}</layer-tree-group>`;
    })
    .join('');
  const drawingOrder = [...drawables].sort((a, b) => b.layer.order - a.layer.order).map((d) => `<item>${layerId(d.sublayer.id)}</item>`);
  const [w, s, e, n] = catalog.territory.bounds;
  const toProject = projectionFrom4326(PROJECT_CRS);
  const [x0, y0] = toProject([w, s]);
  const [x1, y1] = toProject([e, n]);
  const missing = catalog.layers
    .filter((l) => l.sublayers.some((s) => !s.file))
    .map((l) => `${l.title} : ${l.missing ?? 'pas de géométrie publiée'}`)
    .join('\n');
  return `<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="Atlas Lens-Liévin" version="3.28.0-Firenze">
<homePath path=""/>
<title>Atlas Lens-Liévin</title>
<projectCrs>${srsXml(PROJECT_CRS)}</projectCrs>
<layer-tree-group><customproperties/>${groups}<custom-order enabled="1">${drawingOrder.join('')}</custom-order></layer-tree-group>
<mapcanvas name="theMapCanvas" annotationsVisible="1"><units>meters</units><extent><xmin>${x0}</xmin><ymin>${y0}</ymin><xmax>${x1}</xmax><ymax>${y1}</ymax></extent><rotation>0</rotation><destinationsrs>${srsXml(
    PROJECT_CRS,
  )}</destinationsrs></mapcanvas>
<projectlayers>
${maplayers.join('\n')}
</projectlayers>
<layerorder>${drawingOrder.map((i) => i.replace('<item>', '<layer id="').replace('</item>', '"/>')).join('')}</layerorder>
<properties><Paths><Absolute type="bool">false</Absolute></Paths></properties>
<projectMetadata><identifier>atlas-lens-lievin</identifier><parentidentifier></parentidentifier><language>fre</language><type>project</type><title>Atlas Lens-Liévin</title><abstract>${escapeXml(
    `Couches thématiques de l'Atlas Lens-Liévin (${catalog.territory.name}), données construites le ${catalog.generatedAt.slice(0, 10)}.${
      missing ? `\n\nSans géométrie publiée (absentes du projet) :\n${missing}` : ''
    }`,
  )}</abstract><links/><author>Atlas Lens-Liévin</author><creation>${catalog.generatedAt}</creation></projectMetadata>
</qgis>
`;
}
