// « Ouvrir dans QGIS »: a QGIS 3 project of every thematic sublayer, grouped as in the atlas's
// layer panel and styled from the same style classes (layers/*/layer.ts, light theme), with each
// layer's credits in its metadata. Two copies:
// - public/data/atlas-lens-lievin.qgs reads the deployed site's FlatGeobuf files over HTTP
//   (/vsicurl/<ATLAS_URL_PUBLIQUE>/data/<file>.fgb), for desks with a network;
// - public/data/atlas-lens-lievin.zip holds the same project reading a GeoPackage of all layers
//   (Lambert-93) beside it, for offline desks.
// Idempotent: a stamp of the inputs (FlatGeobuf bytes, catalog, URL, this code) skips the work.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { themeClair } from '../../../layers/theme';
import type { Catalog, GeoFeature } from '../../../layers/types';
import { attributionSentence, creditsFromCatalog, shareAlikeNotice } from '../../../src/core/credits';
import { reprojectForExport } from '../../../src/core/export/crs';
import { writeGeoPackageTables } from '../../../src/core/export/geopackage';
import { loadSqlite } from '../../../src/core/export/geopackage/sqlite';
import { checkRules } from './rules';
import { BUNDLE_GPKG, bundleTable, drawableSublayers, PROJECT_CRS, projectXml, QGIS_PROJECT } from './project';

export { CLASS_RULES, checkRules, classExpression, classIndex } from './rules';
export { symbolXml } from './symbology';
export { BUNDLE_GPKG, bundleTable, datasourceOf, drawableSublayers, layerId, projectXml, QGIS_PROJECT, type Datasource } from './project';

export const QGIS_BUNDLE = 'atlas-lens-lievin.zip';
/** `npm run preview` serves public/data here: the project works locally until the site's URL is set. */
export const LOCAL_URL = 'http://localhost:4173';
const STAMP = '.qgis-empreinte';

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

// "This code" is every module of this folder (the project's XML and symbols come from the others).
const OWN_CODE = [
  ...readdirSync(fileURLToPath(new URL('.', import.meta.url)))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => fileURLToPath(new URL(f, import.meta.url))),
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
