// « Ouvrir dans QGIS »: a QGIS 3 project of every thematic sublayer, grouped as in the atlas's
// layer panel and styled from the same style classes (layers/*/layer.ts, light theme), with each
// layer's credits in its metadata. Two copies:
// - public/data/atlas-lens-lievin.qgs reads the deployed site's FlatGeobuf files over HTTP
//   (/vsicurl/<ATLAS_URL_PUBLIQUE>/data/<file>.fgb), for desks with a network;
// - public/data/atlas-lens-lievin.zip holds the same project reading a GeoPackage of all layers
//   (Lambert-93) beside it, for offline desks.
// Idempotent: a stamp of the inputs (FlatGeobuf bytes, catalog, URL, this code) skips the work.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { layerDefinitions } from '../../../layers/index';
import { themeClair } from '../../../layers/theme';
import type { Catalog, CatalogSublayer, GeoFeature, LayerDefinition, Rgba, StyleClass, SublayerDefinition, SymbolStyle } from '../../../layers/types';
import { attributionSentence, creditsFromCatalog, shareAlikeNotice } from '../../../src/core/credits';
import { OGC_WKT, projectionFrom4326, reprojectForExport } from '../../../src/core/export/crs';
import { gpkgTableName, writeGeoPackageTables } from '../../../src/core/export/geopackage';
import { loadSqlite } from '../../../src/core/export/geopackage/sqlite';
import { escapeXml } from '../../../src/core/export/kml';
import type { ExportCrs } from '../../../src/core/types';

export const QGIS_PROJECT = 'atlas-lens-lievin.qgs';
export const QGIS_BUNDLE = 'atlas-lens-lievin.zip';
export const BUNDLE_GPKG = 'atlas-lens-lievin.gpkg';
/** `npm run preview` serves public/data here: the project works locally until the site's URL is set. */
export const LOCAL_URL = 'http://localhost:4173';
const STAMP = '.qgis-empreinte';
const PROJECT_CRS: ExportCrs = 'EPSG:2154';

/**
 * The style classes' `when` predicates are JavaScript; QGIS needs them as expressions. Each one is
 * written here as a property test, and the build checks on every feature that the test picks the
 * same class as the predicate (so a predicate changed without its rule stops the build).
 */
export const CLASS_RULES: Record<string, { field: string; equals: string | number | boolean }> = {
  'cites/erbm': { field: 'erbm', equals: true },
  'cites/unesco': { field: 'unesco', equals: true },
  'parcs-terrils/terril-unesco': { field: 'unesco', equals: true },
  'dechets-etablissements/adresse': { field: 'precision', equals: 'adresse' },
  'dechets-etablissements/arrondie': { field: 'precision', equals: 'arrondie' },
};

const ruleKey = (sublayerId: string, classId: string) => `${sublayerId}/${classId}`;

function ruleOf(sublayerId: string, c: StyleClass) {
  const rule = CLASS_RULES[ruleKey(sublayerId, c.id)];
  if (!rule) throw new Error(`projet QGIS : la classe « ${c.id} » de « ${sublayerId} » n'a pas de règle QGIS (scripts/geodata/qgis.ts)`);
  return rule;
}

const matches = (rule: { field: string; equals: unknown }, properties: Record<string, unknown>) => properties[rule.field] === rule.equals;

/** Index of the class the atlas draws a feature with (first `when` that matches, else the class without one). */
export function classIndex(classes: StyleClass[], properties: Record<string, unknown>): number {
  return classes.findIndex((c) => !c.when || c.when(properties));
}

/** Checks the QGIS rules against the JS predicates on every feature; throws in French on the first disagreement. */
export function checkRules(sublayerId: string, classes: StyleClass[], features: GeoFeature[]): void {
  for (const f of features) {
    const props = f.properties ?? {};
    const byJs = classIndex(classes, props);
    const byRule = classes.findIndex((c) => !c.when || matches(ruleOf(sublayerId, c), props));
    if (byJs !== byRule)
      throw new Error(
        `projet QGIS : pour « ${sublayerId} », la règle QGIS classe une entité en « ${classes[byRule]?.id} » et l'atlas en « ${classes[byJs]?.id} »`,
      );
  }
}

const literal = (v: string | number | boolean) => (typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

/** QGIS expression of a class: its own test and none of the earlier ones (the atlas keeps the first match). */
export function classExpression(sublayerId: string, classes: StyleClass[], index: number): string | null {
  const test = (c: StyleClass) => {
    const r = ruleOf(sublayerId, c);
    return `coalesce("${r.field}" = ${literal(r.equals)}, false)`;
  };
  const before = classes.slice(0, index).filter((c) => c.when);
  const own = classes[index].when ? [test(classes[index])] : [];
  const parts = [...own, ...before.map((c) => `NOT ${test(c)}`)];
  return parts.length ? parts.join(' AND ') : null;
}

// ---- Symbols -------------------------------------------------------------------------------

const colour = ([r, g, b, a]: Rgba) => `${r},${g},${b},${a}`;
const option = (name: string, value: string | number) => `<Option type="QString" name="${name}" value="${escapeXml(String(value))}"/>`;
const symbolLayer = (cls: string, props: Record<string, string | number>) =>
  `<layer class="${cls}" enabled="1" locked="0" pass="0"><Option type="Map">${Object.entries(props)
    .map(([k, v]) => option(k, v))
    .join('')}</Option></layer>`;

function lineProps(s: SymbolStyle): Record<string, string | number> {
  return {
    line_color: colour(s.line),
    line_width: s.lineWidth,
    line_width_unit: 'Pixel',
    line_style: 'solid',
    capstyle: 'round',
    joinstyle: 'round',
    use_custom_dash: s.dash ? 1 : 0,
    // The atlas's dashes are in multiples of the line width.
    customdash: s.dash ? `${s.dash[0] * s.lineWidth};${s.dash[1] * s.lineWidth}` : '5;2',
    customdash_unit: 'Pixel',
  };
}

/** Hatches as QGIS line-pattern fills (its own hatch brushes cannot take the atlas's colour and spacing). */
function hatch(angle: number, s: SymbolStyle): string {
  const line = symbolLayer('SimpleLine', { ...lineProps({ ...s, lineWidth: 1, dash: undefined }), line_color: colour(s.line) });
  return `<layer class="LinePatternFill" enabled="1" locked="0" pass="0"><Option type="Map">${[
    option('angle', angle),
    option('distance', 8),
    option('distance_unit', 'Pixel'),
    option('line_width', 1),
    option('line_width_unit', 'Pixel'),
    option('color', colour(s.line)),
  ].join('')}</Option><symbol type="line" name="@0@1" alpha="1" clip_to_extent="1" force_rhr="0">${line}</symbol></layer>`;
}

const MARKERS: Record<NonNullable<SymbolStyle['marker']>, string> = {
  cercle: 'circle',
  carre: 'square',
  triangle: 'triangle',
  losange: 'diamond',
  croix: 'cross_fill',
};

export function symbolXml(kind: SublayerDefinition['geometry'], s: SymbolStyle, name: string): string {
  let type: string;
  let layers: string[];
  if (kind === 'point') {
    type = 'marker';
    layers = [
      symbolLayer('SimpleMarker', {
        name: MARKERS[s.marker ?? 'cercle'],
        color: colour(s.fill ?? s.line),
        outline_color: colour(s.line),
        outline_width: s.lineWidth,
        outline_width_unit: 'Pixel',
        size: s.markerSize ?? 10,
        size_unit: 'Pixel',
      }),
    ];
  } else if (kind === 'line') {
    type = 'line';
    layers = [symbolLayer('SimpleLine', lineProps(s))];
  } else {
    type = 'fill';
    const outline = lineProps(s);
    layers = [
      symbolLayer('SimpleFill', {
        color: colour(s.fill ?? [0, 0, 0, 0]),
        style: s.fill ? 'solid' : 'no',
        outline_color: outline.line_color,
        outline_width: s.lineWidth,
        outline_width_unit: 'Pixel',
        outline_style: s.dash ? 'dash' : 'solid',
        joinstyle: 'round',
      }),
    ];
    if (s.pattern === 'hachures') layers.push(hatch(45, s));
    if (s.pattern === 'hachures-inverses') layers.push(hatch(-45, s));
    if (s.pattern === 'croisillons') layers.push(hatch(45, s), hatch(-45, s));
    if (s.pattern === 'points')
      layers.push(
        `<layer class="PointPatternFill" enabled="1" locked="0" pass="0"><Option type="Map">${[
          option('distance_x', 8),
          option('distance_y', 8),
          option('distance_x_unit', 'Pixel'),
          option('distance_y_unit', 'Pixel'),
        ].join('')}</Option><symbol type="marker" name="@0@1" alpha="1" clip_to_extent="1" force_rhr="0">${symbolLayer('SimpleMarker', {
          name: 'circle',
          color: colour(s.line),
          outline_style: 'no',
          size: 2,
          size_unit: 'Pixel',
        })}</symbol></layer>`,
      );
    // A dashed outline keeps its dash pattern: drawn again on top as a line with the custom dashes.
    if (s.dash)
      layers.push(
        `<layer class="SimpleLine" enabled="1" locked="0" pass="0"><Option type="Map">${Object.entries(outline)
          .map(([k, v]) => option(k, v))
          .join('')}</Option></layer>`,
      );
    // The plain outline is drawn by the dashed line above instead.
    if (s.dash) layers[0] = layers[0].replace('name="outline_style" value="dash"', 'name="outline_style" value="no"');
  }
  return `<symbol type="${type}" name="${name}" alpha="1" clip_to_extent="1" force_rhr="0">${layers.join('')}</symbol>`;
}

function rendererXml(sublayer: SublayerDefinition): string {
  const classes = sublayer.classes(themeClair);
  const symbols = classes.map((c, i) => symbolXml(sublayer.geometry, c.symbol, String(i))).join('');
  const rules = classes
    .map((c, i) => {
      const filter = c.when ? classExpression(sublayer.id, classes, i) : classes.some((o) => o.when) ? 'ELSE' : null;
      return `<rule key="${escapeXml(`${sublayer.id}-${c.id}`)}" symbol="${i}" label="${escapeXml(c.label)}"${filter ? ` filter="${escapeXml(filter)}"` : ''}/>`;
    })
    .join('');
  return `<renderer-v2 type="RuleRenderer" symbollevels="0" forceraster="0" enableorderby="0"><rules key="racine">${rules}</rules><symbols>${symbols}</symbols></renderer-v2>`;
}

// ---- Project -----------------------------------------------------------------------------------

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
    ? `/vsicurl/${source.baseUrl.replace(/\/+$/, '')}/data/${sub.file}|layername=${sub.id}`
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

// ---- Build step --------------------------------------------------------------------------------

/**
 * A table mixing Polygon and MultiPolygon (or lines, or points) gets the Multi type for all: GDAL
 * and QGIS then see one typed layer instead of "Unknown (any)".
 */
export function promoteToMulti(features: GeoFeature[]): GeoFeature[] {
  const types = new Set(features.map((f) => f.geometry?.type));
  return features.map((f) => {
    const g = f.geometry;
    if (!g || !(g.type === 'Point' || g.type === 'LineString' || g.type === 'Polygon') || !types.has(`Multi${g.type}` as never)) return f;
    return { ...f, geometry: { type: `Multi${g.type}`, coordinates: [g.coordinates] } as GeoFeature['geometry'] };
  });
}

async function readFgb(file: string): Promise<GeoFeature[]> {
  const features: GeoFeature[] = [];
  for await (const f of deserialize(readFileSync(file))) features.push(f as GeoFeature);
  return features;
}

const OWN_CODE = [
  fileURLToPath(import.meta.url),
  ...['index.ts', 'wkb.ts', 'rtree.ts'].map((f) => fileURLToPath(new URL(`../../../src/core/export/geopackage/${f}`, import.meta.url))),
];

export interface QgisOptions {
  outDir: string;
  catalog: Catalog;
  log: (line: string) => void;
  /** Site URL the project reads its FlatGeobuf files from; default ATLAS_URL_PUBLIQUE, else the local preview. */
  publicUrl?: string;
}

/** Writes the .qgs and the offline bundle, unless their inputs are unchanged. */
export async function writeQgisProjects(options: QgisOptions): Promise<{ skipped: boolean }> {
  const { outDir, catalog, log } = options;
  const fromEnv = options.publicUrl ?? process.env.ATLAS_URL_PUBLIQUE;
  const baseUrl = (fromEnv || LOCAL_URL).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) throw new Error(`ATLAS_URL_PUBLIQUE doit être une adresse http(s) (reçu : ${baseUrl})`);
  const drawables = drawableSublayers(catalog);
  const hash = createHash('sha256').update(baseUrl).update(JSON.stringify(catalog.layers));
  for (const f of OWN_CODE) hash.update(readFileSync(f));
  for (const d of drawables) hash.update(readFileSync(join(outDir, d.entry.file!)));
  const stamp = hash.digest('hex');
  const stampFile = join(outDir, STAMP);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && [QGIS_PROJECT, QGIS_BUNDLE].every((f) => existsSync(join(outDir, f)))) {
    log(`Projet QGIS à jour (${drawables.length} couches) : rien à faire.`);
    return { skipped: true };
  }
  if (!fromEnv) log(`  ATLAS_URL_PUBLIQUE non défini : le projet QGIS lit les fichiers sur ${LOCAL_URL} (npm run preview).`);

  const tables = [];
  for (const { layer, sublayer, entry } of drawables) {
    const features = await readFgb(join(outDir, entry.file!));
    checkRules(sublayer.id, sublayer.classes(themeClair), features);
    const credits = creditsFromCatalog(catalog, [sublayer.id]);
    tables.push({
      table: bundleTable(sublayer.id),
      features: promoteToMulti(reprojectForExport(features, PROJECT_CRS)),
      context: {
        name: `${layer.title} – ${sublayer.title}`,
        credits,
        attribution: attributionSentence(credits),
        generatedAt: catalog.generatedAt,
        crs: PROJECT_CRS,
      },
    });
  }
  const gpkg = writeGeoPackageTables(await loadSqlite(), tables);
  const allCredits = creditsFromCatalog(
    catalog,
    drawables.map((d) => d.sublayer.id),
  );
  const readme = [
    'Atlas Lens-Liévin – projet QGIS hors ligne',
    '',
    `Ouvrir ${QGIS_PROJECT} dans QGIS 3 : les couches sont lues dans ${BUNDLE_GPKG} (Lambert-93, EPSG:2154), à garder dans le même dossier.`,
    `Données construites le ${catalog.generatedAt.slice(0, 10)}.`,
    '',
    attributionSentence(allCredits),
    shareAlikeNotice(allCredits) ?? '',
    '',
  ].join('\n');
  const zip = zipSync(
    {
      [QGIS_PROJECT]: new TextEncoder().encode(projectXml(catalog, { kind: 'gpkg' })),
      [BUNDLE_GPKG]: gpkg,
      'LISEZMOI.txt': new TextEncoder().encode(readme),
    },
    { level: 6 },
  );
  const publish = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(outDir, `${name}.tmp`), bytes);
    renameSync(join(outDir, `${name}.tmp`), join(outDir, name));
  };
  publish(QGIS_BUNDLE, zip);
  publish(QGIS_PROJECT, projectXml(catalog, { kind: 'fgb', baseUrl }));
  publish(STAMP, stamp);
  log(
    `Projet QGIS écrit : ${QGIS_PROJECT} (${drawables.length} couches, fichiers lus sur ${baseUrl}) et ${QGIS_BUNDLE} (${(zip.length / 1e6).toFixed(1)} Mo).`,
  );
  return { skipped: false };
}
