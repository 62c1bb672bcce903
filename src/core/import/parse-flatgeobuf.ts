// FlatGeobuf read with flatgeobuf's own deserializer (whole file in memory, no bbox filter); the
// header's CRS (EPSG code or WKT) declares the system.
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { crsCodeFromName, parsePrj } from '../geo/crs';
import { errors, ImportError } from './errors';
import type { DeclaredCrs, RawFeature, RawLayer } from './raw-layer';
import type { ImportRun } from './run';
import { baseName } from './text';

const WHERE = 'en-tête FlatGeobuf';

function declaredCrs(header: HeaderMeta | null): DeclaredCrs | undefined {
  const crs = header?.crs;
  if (!crs) return undefined;
  if (crs.code > 0) {
    const org = (crs.org ?? 'EPSG').toUpperCase();
    const declared = `${org}:${crs.code}`;
    return { code: org === 'EPSG' ? crsCodeFromName(declared) : null, source: 'membre-crs', declared, where: WHERE };
  }
  if (crs.wkt) {
    const prj = parsePrj(crs.wkt);
    return { code: prj.code, source: 'membre-crs', declared: prj.name ?? crs.wkt.slice(0, 80), where: WHERE };
  }
  if (crs.code_string) return { code: crsCodeFromName(crs.code_string), source: 'membre-crs', declared: crs.code_string, where: WHERE };
  return undefined;
}

/**
 * Whether every size-prefixed feature fits in the bytes: flatgeobuf's reader does not check, and
 * reads a cut-off last feature from whatever follows.
 */
function isComplete(bytes: Uint8Array, header: HeaderMeta): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) return false;
  let offset = 12 + view.getUint32(8, true);
  if (header.indexNodeSize > 0 && header.featuresCount > 0) offset += calcTreeSize(header.featuresCount, header.indexNodeSize);
  while (offset < bytes.length) {
    if (offset + 4 > bytes.length) return false;
    offset += 4 + view.getUint32(offset, true);
  }
  return offset === bytes.length;
}

export async function parseFlatGeobuf(bytes: Uint8Array, fileName: string, run: ImportRun): Promise<RawLayer> {
  let header: HeaderMeta | null = null;
  const features: RawFeature[] = [];
  await run.step('analyse', 0);
  try {
    const headerMetaFn = (h: HeaderMeta) => {
      header = h;
      // An index over zero features cannot exist, and flatgeobuf's calcTreeSize(0, n) never returns:
      // refused here, before the reader sizes the index (a garbled header would freeze the tab).
      if (h.indexNodeSize > 0 && h.featuresCount === 0)
        throw errors.unreadable(fileName, 'flatgeobuf', "l'en-tête annonce un index spatial mais aucune entité");
    };
    for await (const f of deserialize(bytes, { headerMetaFn })) {
      const expected = (header as HeaderMeta | null)?.featuresCount || features.length + 1;
      await run.chunk('analyse', features.length, Math.max(expected, features.length + 1));
      const properties = (f.properties ?? {}) as Record<string, unknown>;
      features.push({ type: 'Feature', properties, geometry: (f.geometry ?? null) as RawFeature['geometry'] });
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const expected = (header as HeaderMeta | null)?.featuresCount ?? 0;
    if (header && (expected === 0 || features.length < expected)) throw errors.truncated(fileName, 'flatgeobuf');
    // flatgeobuf's and flatbuffers' own messages (English, about offsets and tables) mean nothing to a user.
    throw errors.unreadable(fileName, 'flatgeobuf', 'structure interne endommagée');
  }
  const head = header as HeaderMeta | null;
  if (head && ((head.featuresCount > 0 && features.length < head.featuresCount) || !isComplete(bytes, head)))
    throw errors.truncated(fileName, 'flatgeobuf');
  return {
    name: baseName(fileName),
    format: 'flatgeobuf',
    features,
    declared: declaredCrs(head),
    wgs84Fallback: 'FlatGeobuf sans système déclaré : WGS 84 par défaut',
    warnings: [],
  };
}
