// GeoPackage 1.2 (OGC 12-128r15) written with SQLite (sql.js): one feature table in the chosen
// system, gpkg_spatial_ref_sys / gpkg_contents / gpkg_geometry_columns as the standard requires,
// the R-tree spatial index (extension gpkg_rtree_index, with the standard triggers so an edit in
// QGIS keeps it current), and the credits in gpkg_contents.description and as GDAL layer metadata
// (gpkg_metadata), which QGIS and ogrinfo show. Schema texts are those GDAL 3.6 writes.
import type { Database, SqlJsStatic } from 'sql.js';
import type { Geometry } from 'geojson';
import type { GeoFeature } from '../../../../layers/types';
import { shareAlikeNotice } from '../../credits';
import type { ExportContext } from '../context';
import { epsgNumber, OGC_WKT } from '../crs';
import { CRS_LABELS } from '../../geo/crs';
import { escapeXml } from '../kml';
import { packRTree } from './rtree';
import { gpkgGeometry, type Envelope } from './wkb';

const GPKG_APPLICATION_ID = 0x47504b47; // "GPKG"
const GPKG_VERSION = 10200;

const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;

const SCHEMA = `
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,srs_id INTEGER NOT NULL PRIMARY KEY,organization TEXT NOT NULL,organization_coordsys_id INTEGER NOT NULL,definition  TEXT NOT NULL,description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,data_type TEXT NOT NULL,identifier TEXT UNIQUE,description TEXT DEFAULT '',last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),min_x DOUBLE, min_y DOUBLE,max_x DOUBLE, max_y DOUBLE,srs_id INTEGER,CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL,column_name TEXT NOT NULL,geometry_type_name TEXT NOT NULL,srs_id INTEGER NOT NULL,z TINYINT NOT NULL,m TINYINT NOT NULL,CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),CONSTRAINT uk_gc_table_name UNIQUE (table_name),CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL,md_scope TEXT NOT NULL DEFAULT 'dataset',md_standard_uri TEXT NOT NULL,mime_type TEXT NOT NULL DEFAULT 'text/xml',metadata TEXT NOT NULL DEFAULT '');
CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL,table_name TEXT,column_name TEXT,row_id_value INTEGER,timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),md_file_id INTEGER NOT NULL,md_parent_id INTEGER,CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));
`;

type ColumnType = 'INTEGER' | 'REAL' | 'BOOLEAN' | 'TEXT';

interface Column {
  property: string;
  name: string;
  type: ColumnType;
}

/** One column per property; names unique without regard to case and clear of fid/geom. */
function columnsOf(features: GeoFeature[]): Column[] {
  const taken = new Set(['fid', 'geom']);
  const kinds = new Map<string, Set<string>>();
  for (const f of features)
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      const set = kinds.get(key) ?? new Set<string>();
      if (value !== null && value !== undefined)
        set.add(typeof value === 'number' ? (Number.isSafeInteger(value) ? 'int' : Number.isFinite(value) ? 'real' : 'nan') : typeof value);
      kinds.set(key, set);
    }
  return [...kinds].map(([property, set]) => {
    let name = property.trim() || 'champ';
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${property}_${n}`;
    taken.add(name.toLowerCase());
    set.delete('nan');
    const only = (...k: string[]) => set.size > 0 && [...set].every((s) => k.includes(s));
    const type: ColumnType = only('int') ? 'INTEGER' : only('int', 'real') ? 'REAL' : only('boolean') ? 'BOOLEAN' : 'TEXT';
    return { property, name, type };
  });
}

function cellOf(value: unknown, type: ColumnType): string | number | null {
  if (value === null || value === undefined) return null;
  if (type === 'BOOLEAN') return value ? 1 : 0;
  if (type === 'INTEGER' || type === 'REAL') return typeof value === 'number' && Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value) ?? null;
}

const GEOMETRY_NAMES: Record<Geometry['type'], string> = {
  Point: 'POINT',
  LineString: 'LINESTRING',
  Polygon: 'POLYGON',
  MultiPoint: 'MULTIPOINT',
  MultiLineString: 'MULTILINESTRING',
  MultiPolygon: 'MULTIPOLYGON',
  GeometryCollection: 'GEOMETRYCOLLECTION',
};

/** SQL table name from the layer's slug: letters, digits and "_", clear of the reserved prefixes. */
export function gpkgTableName(slug: string): string {
  const name = slug.replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'couche';
  return /^(\d|gpkg_|sqlite_|rtree_)/.test(name) ? `couche_${name}` : name;
}

function rtreeTriggers(t: string, c: string): string {
  const r = q(`rtree_${t}_${c}`);
  const T = q(t);
  const C = q(c);
  const box = `(NEW."fid",ST_MinX(NEW.${C}), ST_MaxX(NEW.${C}),ST_MinY(NEW.${C}), ST_MaxY(NEW.${C}))`;
  const trigger = (suffix: string) => q(`rtree_${t}_${c}_${suffix}`);
  return `
CREATE TRIGGER ${trigger('insert')} AFTER INSERT ON ${T} WHEN (new.${C} NOT NULL AND NOT ST_IsEmpty(NEW.${C})) BEGIN INSERT OR REPLACE INTO ${r} VALUES ${box}; END;
CREATE TRIGGER ${trigger('update1')} AFTER UPDATE OF ${C} ON ${T} WHEN OLD."fid" = NEW."fid" AND (NEW.${C} NOTNULL AND NOT ST_IsEmpty(NEW.${C})) BEGIN INSERT OR REPLACE INTO ${r} VALUES ${box}; END;
CREATE TRIGGER ${trigger('update2')} AFTER UPDATE OF ${C} ON ${T} WHEN OLD."fid" = NEW."fid" AND (NEW.${C} ISNULL OR ST_IsEmpty(NEW.${C})) BEGIN DELETE FROM ${r} WHERE id = OLD."fid"; END;
CREATE TRIGGER ${trigger('update3')} AFTER UPDATE ON ${T} WHEN OLD."fid" != NEW."fid" AND (NEW.${C} NOTNULL AND NOT ST_IsEmpty(NEW.${C})) BEGIN DELETE FROM ${r} WHERE id = OLD."fid"; INSERT OR REPLACE INTO ${r} VALUES ${box}; END;
CREATE TRIGGER ${trigger('update4')} AFTER UPDATE ON ${T} WHEN OLD."fid" != NEW."fid" AND (NEW.${C} ISNULL OR ST_IsEmpty(NEW.${C})) BEGIN DELETE FROM ${r} WHERE id IN (OLD."fid", NEW."fid"); END;
CREATE TRIGGER ${trigger('delete')} AFTER DELETE ON ${T} WHEN old.${C} NOT NULL BEGIN DELETE FROM ${r} WHERE id = OLD."fid"; END;
`;
}

function srsRows(db: Database, systems: ExportContext['crs'][]): void {
  const insert = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
  insert.run(['Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined Cartesian coordinate reference system']);
  insert.run(['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system']);
  insert.run([
    'WGS 84 geodetic',
    4326,
    'EPSG',
    4326,
    OGC_WKT['EPSG:4326'],
    'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
  ]);
  for (const crs of new Set(systems)) {
    if (crs === 'EPSG:4326') continue;
    const code = epsgNumber(crs);
    insert.run([CRS_LABELS[crs], code, 'EPSG', code, OGC_WKT[crs], null]);
  }
  insert.free();
}

/** GDAL's layer metadata format: ogrinfo lists these items, QGIS shows them in the layer's properties. */
function gdalMetadata(context: ExportContext): string {
  const items: [string, string][] = [
    ['ATTRIBUTION', context.attribution],
    ['CREDITS', JSON.stringify(context.credits)],
  ];
  const shareAlike = shareAlikeNotice(context.credits);
  if (shareAlike) items.push(['ODBL', shareAlike]);
  if (context.generatedAt) items.push(['GENERATED_AT', context.generatedAt]);
  return `<GDALMultiDomainMetadata><Metadata>${items.map(([k, v]) => `<MDI key="${k}">${escapeXml(v)}</MDI>`).join('')}</Metadata></GDALMultiDomainMetadata>`;
}

export function writeGeoPackage(sqlite: SqlJsStatic, features: GeoFeature[], context: ExportContext, table: string): Uint8Array {
  return writeGeoPackageTables(sqlite, [{ features, context, table }]);
}

export interface GeoPackageTable {
  features: GeoFeature[];
  context: ExportContext;
  /** SQL table name (gpkgTableName), unique in the file. */
  table: string;
}

/**
 * Several feature tables in one GeoPackage (the QGIS bundle holds every thematic sublayer), each
 * with its own credits, extent and spatial index. Every table's features must already be in its
 * context's system.
 */
export function writeGeoPackageTables(sqlite: SqlJsStatic, tables: GeoPackageTable[]): Uint8Array {
  if (tables.length === 0) throw new Error('GeoPackage : aucune table à écrire');
  if (new Set(tables.map((t) => t.table.toLowerCase())).size !== tables.length) throw new Error('GeoPackage : noms de tables en double');
  const db = new sqlite.Database();
  try {
    db.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}; PRAGMA user_version = ${GPKG_VERSION};`);
    db.run(SCHEMA);
    srsRows(
      db,
      tables.map((t) => t.context.crs),
    );
    db.run(
      `INSERT INTO gpkg_extensions VALUES ('gpkg_metadata', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec120/#extension_metadata', 'read-write');
       INSERT INTO gpkg_extensions VALUES ('gpkg_metadata_reference', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec120/#extension_metadata', 'read-write');`,
    );
    tables.forEach((t, i) => addTable(db, t.features, t.context, t.table, i + 1));
    // The virtual tables themselves, as CREATE VIRTUAL TABLE records them (sql.js cannot run that statement).
    db.run('PRAGMA writable_schema = ON');
    for (const { table } of tables) {
      const rtree = `rtree_${table}_geom`;
      db.run(
        `INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES ('table', ${lit(rtree)}, ${lit(rtree)}, 0, ${lit(
          `CREATE VIRTUAL TABLE ${q(rtree)} USING rtree(id, minx, maxx, miny, maxy)`,
        )})`,
      );
    }
    db.run('PRAGMA writable_schema = OFF');
    return db.export();
  } finally {
    db.close();
  }
}

function addTable(db: Database, features: GeoFeature[], context: ExportContext, table: string, metadataId: number): void {
  const srsId = epsgNumber(context.crs);
  const columns = columnsOf(features);
  const types = new Set(features.map((f) => (f.geometry as Geometry | null)?.type).filter((t): t is Geometry['type'] => !!t));
  const geometryType = types.size === 1 ? GEOMETRY_NAMES[[...types][0]] : 'GEOMETRY';
  db.run(
    `CREATE TABLE ${q(table)} ("fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "geom" ${geometryType}${columns.map((c) => `, ${q(c.name)} ${c.type}`).join('')})`,
  );
  const insert = db.prepare(`INSERT INTO ${q(table)} VALUES (?, ?${', ?'.repeat(columns.length)})`);
  const entries: { id: number; box: Envelope }[] = [];
  let extent: Envelope = [Infinity, Infinity, -Infinity, -Infinity];
  db.run('BEGIN');
  features.forEach((feature, i) => {
    const fid = i + 1;
    const geometry = feature.geometry as Geometry | null;
    const encoded = geometry ? gpkgGeometry(geometry, srsId) : null;
    if (encoded?.envelope) {
      const e = encoded.envelope;
      entries.push({ id: fid, box: e });
      extent = [Math.min(extent[0], e[0]), Math.min(extent[1], e[1]), Math.max(extent[2], e[2]), Math.max(extent[3], e[3])];
    }
    insert.run([fid, encoded ? encoded.blob : null, ...columns.map((c) => cellOf(feature.properties?.[c.property], c.type))]);
    if (i % 5000 === 4999) context.onProgress?.(0.5 + (0.35 * i) / features.length);
  });
  insert.free();
  const hasExtent = extent[0] <= extent[2];
  db.run(
    `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      table,
      context.name,
      context.attribution,
      context.generatedAt ?? new Date().toISOString(),
      ...(hasExtent ? extent : [null, null, null, null]),
      srsId,
    ],
  );
  db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [table, 'geom', geometryType, srsId]);
  db.run(`INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')`, [
    table,
  ]);
  db.run(`INSERT INTO gpkg_metadata (id, md_scope, md_standard_uri, mime_type, metadata) VALUES (?, 'dataset', 'http://gdal.org', 'text/xml', ?)`, [
    metadataId,
    gdalMetadata(context),
  ]);
  db.run(`INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) VALUES ('table', ?, ?)`, [table, metadataId]);

  // The spatial index: shadow tables first, filled from the packed tree, then the triggers.
  const rtree = `rtree_${table}_geom`;
  db.run(
    `CREATE TABLE ${q(`${rtree}_rowid`)}(rowid INTEGER PRIMARY KEY,nodeno);
       CREATE TABLE ${q(`${rtree}_node`)}(nodeno INTEGER PRIMARY KEY,data);
       CREATE TABLE ${q(`${rtree}_parent`)}(nodeno INTEGER PRIMARY KEY,parentnode);`,
  );
  const rows = packRTree(entries);
  const node = db.prepare(`INSERT INTO ${q(`${rtree}_node`)} VALUES (?, ?)`);
  for (const n of rows.nodes) node.run([n.nodeno, n.data]);
  node.free();
  const rowid = db.prepare(`INSERT INTO ${q(`${rtree}_rowid`)} VALUES (?, ?)`);
  for (const r of rows.rowids) rowid.run([r.rowid, r.nodeno]);
  rowid.free();
  const parent = db.prepare(`INSERT INTO ${q(`${rtree}_parent`)} VALUES (?, ?)`);
  for (const p of rows.parents) parent.run([p.nodeno, p.parentnode]);
  parent.free();
  db.run(rtreeTriggers(table, 'geom'));
  db.run('COMMIT');
  context.onProgress?.(0.95);
}
