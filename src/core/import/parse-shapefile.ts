// ESRI Shapefile: geometry from shpjs's `parseShp` (called without a projection, so coordinates
// stay as in the file and we reproject after detection), attributes from our .dbf reader, system
// from the .prj, code page from the .cpg. The .shx index is not needed: records are read in order.
import { parseShp } from 'shpjs';
import type { Geometry } from 'geojson';
import { parsePrj } from '../geo/crs';
import { DbfError, readDbf } from './dbf';
import { errors, plural } from './errors';
import type { RawFeature, RawLayer } from './raw-layer';
import type { ImportRun } from './run';
import { windows1252 } from './text';

export interface ShapefileParts {
  /** Layer name: the .shp base name. */
  name: string;
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
}

const SHAPE_NAMES: Record<number, string> = { 31: 'MultiPatch' };
/** Shape types shpjs reads: null, point, polyline, polygon, multipoint, and their Z (1x) and M (2x) forms. */
const SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);
const latin = windows1252;

function readGeometries(shp: Uint8Array, fileName: string): (Geometry | null)[] {
  if (shp.length < 100) throw errors.truncated(fileName, 'shapefile');
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (view.getInt32(0, false) !== 9994) throw errors.unreadable(fileName, 'shapefile', "le fichier .shp n'a pas l'en-tête d'un Shapefile");
  const declaredLength = view.getInt32(24, false) * 2;
  if (declaredLength > shp.length) throw errors.truncated(fileName, 'shapefile');
  const shapeType = view.getInt32(32, true);
  if (SHAPE_NAMES[shapeType]) throw errors.unreadable(fileName, 'shapefile', `type de géométrie ${SHAPE_NAMES[shapeType]} non pris en charge`);
  if (!SHAPE_TYPES.has(shapeType)) throw errors.unreadable(fileName, 'shapefile', `type de géométrie n° ${shapeType} inconnu`);
  try {
    return parseShp(view as unknown as ArrayBuffer) as (Geometry | null)[];
  } catch {
    // shpjs checks nothing: a damaged record (negative length, more points than bytes) ends in a
    // DataView RangeError whose English text would tell the user nothing.
    throw errors.unreadable(fileName, 'shapefile', 'enregistrements de géométrie endommagés : longueurs ou nombres de points incohérents');
  }
}

export async function parseShapefile(parts: ShapefileParts, fileName: string, run: ImportRun): Promise<RawLayer> {
  await run.step('analyse', 0);
  const geometries = readGeometries(parts.shp, fileName);
  await run.step('analyse', 0.4);
  const warnings: string[] = [];
  let records: (Record<string, unknown> | null)[] = [];
  if (parts.dbf) {
    try {
      const table = readDbf(parts.dbf, parts.cpg ? latin.decode(parts.cpg) : null, fileName);
      records = table.records;
      warnings.push(...table.warnings);
      if (table.missing > 0)
        warnings.push(`${fileName} : le fichier .dbf est tronqué : ${plural(table.missing, 'entité', 'entités')} sans attributs.`);
    } catch (error) {
      // Our reader's own refusals are French; anything else is a table whose header lies about its fields.
      const why = error instanceof DbfError ? error.message : 'champs et enregistrements incohérents';
      warnings.push(`${fileName} : table attributaire (.dbf) illisible (${why}) ; les entités sont importées sans attributs.`);
    }
    if (records.length > 0 && records.length !== geometries.length) {
      warnings.push(
        `${fileName} : le .shp compte ${geometries.length} géométries et le .dbf ${records.length} lignes ; les attributs sont appariés dans l'ordre.`,
      );
    }
  } else {
    warnings.push(`${fileName} : pas de fichier .dbf : les entités sont importées sans attributs.`);
  }
  await run.step('analyse', 0.8);

  const features: RawFeature[] = [];
  let deleted = 0;
  for (let i = 0; i < geometries.length; i++) {
    await run.chunk('analyse', i, geometries.length);
    const record = i < records.length ? records[i] : {};
    if (record === null) {
      deleted++;
      continue;
    }
    features.push({ type: 'Feature', properties: record, geometry: geometries[i] });
  }
  if (deleted > 0)
    warnings.push(
      `${fileName} : ${plural(deleted, 'entité marquée', 'entités marquées')} comme supprimée${deleted > 1 ? 's' : ''} dans le .dbf ignorée${deleted > 1 ? 's' : ''}.`,
    );

  const layer: RawLayer = { name: parts.name, format: 'shapefile', features, warnings };
  const prjText = parts.prj ? latin.decode(parts.prj).trim() : '';
  if (parts.prj && !prjText) warnings.push(`${fileName} : le fichier .prj est vide ; le système est reconnu d'après les coordonnées.`);
  if (prjText) {
    const text = prjText;
    const prj = parsePrj(text);
    layer.declared = { code: prj.code, source: 'prj', declared: prj.name ?? text.slice(0, 80), where: 'fichier .prj' };
  }
  return layer;
}
