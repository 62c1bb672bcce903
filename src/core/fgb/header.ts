// The FlatGeobuf header table: columns, envelope, index node size and the CRS (EPSG:4326 unless an
// export asks for Lambert-93 or CC50).
import { Builder } from 'flatbuffers';
import { Column } from 'flatgeobuf/lib/mjs/flat-geobuf/column.js';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';

const WGS84_EPSG = 4326;

/** The coordinate system written in the header (EPSG code, and its name and WKT when known). */
export interface HeaderCrs {
  code: number;
  wkt?: string;
  name?: string;
}

export function buildHeader(meta: HeaderMeta, name: string | undefined, crsOption?: HeaderCrs): Uint8Array {
  const builder = new Builder(1024);
  // Child tables and strings must be created before Header.startHeader.
  const columnOffsets = (meta.columns ?? []).map((column) => {
    const columnName = builder.createString(column.name);
    Column.startColumn(builder);
    Column.addName(builder, columnName);
    Column.addType(builder, column.type);
    return Column.endColumn(builder);
  });
  const columnsVector = columnOffsets.length > 0 ? Header.createColumnsVector(builder, columnOffsets) : 0;
  const envelope = meta.envelope ? Header.createEnvelopeVector(builder, meta.envelope) : 0;
  const nameOffset = name !== undefined ? builder.createString(name) : 0;
  const descriptionOffset = meta.description !== null ? builder.createString(meta.description) : 0;
  const titleOffset = meta.title !== null ? builder.createString(meta.title) : 0;
  const metadataOffset = meta.metadata !== null ? builder.createString(meta.metadata) : 0;
  const org = builder.createString('EPSG');
  const crsName = crsOption?.name ? builder.createString(crsOption.name) : 0;
  const crsWkt = crsOption?.wkt ? builder.createString(crsOption.wkt) : 0;
  Crs.startCrs(builder);
  Crs.addOrg(builder, org);
  Crs.addCode(builder, crsOption?.code ?? WGS84_EPSG);
  if (crsName) Crs.addName(builder, crsName);
  if (crsWkt) Crs.addWkt(builder, crsWkt);
  const crs = Crs.endCrs(builder);

  Header.startHeader(builder);
  if (nameOffset) Header.addName(builder, nameOffset);
  if (envelope) Header.addEnvelope(builder, envelope);
  Header.addGeometryType(builder, meta.geometryType);
  if (columnsVector) Header.addColumns(builder, columnsVector);
  Header.addFeaturesCount(builder, BigInt(meta.featuresCount));
  Header.addIndexNodeSize(builder, meta.indexNodeSize);
  Header.addCrs(builder, crs);
  if (titleOffset) Header.addTitle(builder, titleOffset);
  if (descriptionOffset) Header.addDescription(builder, descriptionOffset);
  if (metadataOffset) Header.addMetadata(builder, metadataOffset);
  builder.finishSizePrefixed(Header.endHeader(builder));
  return builder.asUint8Array();
}
