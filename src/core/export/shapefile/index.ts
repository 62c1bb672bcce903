// Zipped ESRI Shapefile: one .shp/.shx/.dbf per geometry kind (a shapefile holds one), a .prj for
// the chosen system, a .cpg saying UTF-8, and LISEZMOI.txt with the credits, the system and the
// table of cut field names (dBase allows 10 characters). Features without geometry go to a lone
// .dbf, which GIS software opens as a table, rather than being dropped silently.
import { zipSync } from 'fflate';
import type { Geometry } from 'geojson';
import type { GeoFeature } from '../../../../layers/types';
import { shareAlikeNotice } from '../../credits';
import { encodeUtf8, type ExportContext } from '../context';
import { ESRI_PRJ, exportCrsLabel } from '../crs';
import { inferDbfFields, writeDbf, type DbfField } from './dbf';
import { partsOf, shapeKindOf, writeShpShx, type ShapeKind, type ShapeRecord } from './shp';

type Family = 'points' | 'lignes' | 'polygones';

const FAMILY_OF: Record<ShapeKind, Family> = { point: 'points', multipoint: 'points', polyline: 'lignes', polygon: 'polygones' };
const FAMILY_WORDS: Record<Family, string> = { points: 'points', lignes: 'lignes', polygones: 'polygones' };

/** The geometries of a feature, collections opened, with their kind. */
function members(g: Geometry | null | undefined, out: { kind: ShapeKind; geometry: Geometry }[] = []) {
  if (!g) return out;
  if (g.type === 'GeometryCollection') for (const m of g.geometries) members(m, out);
  else {
    const kind = shapeKindOf(g);
    if (kind) out.push({ kind, geometry: g });
  }
  return out;
}

interface Group {
  family: Family;
  features: GeoFeature[];
  records: ShapeRecord[];
}

export interface ShapefileZipOptions {
  /** Base of the file names inside the archive (a slug). */
  baseName: string;
}

export function writeShapefileZip(features: GeoFeature[], context: ExportContext, options: ShapefileZipOptions): Uint8Array {
  const groups = new Map<Family, Group>();
  const withoutGeometry: GeoFeature[] = [];
  for (const feature of features) {
    const found = members(feature.geometry as Geometry | null);
    if (found.length === 0) {
      withoutGeometry.push(feature);
      continue;
    }
    // A collection mixing kinds lands in each family's file, with the members of that family.
    const byFamily = new Map<Family, Geometry[]>();
    for (const { kind, geometry } of found) {
      const family = FAMILY_OF[kind];
      byFamily.set(family, [...(byFamily.get(family) ?? []), geometry]);
    }
    for (const [family, geometries] of byFamily) {
      const group = groups.get(family) ?? { family, features: [], records: [] };
      group.features.push(feature);
      group.records.push(partsOf(geometries));
      groups.set(family, group);
    }
  }
  const date = context.generatedAt ? new Date(context.generatedAt) : new Date();
  const fields = inferDbfFields(features);
  const files: Record<string, Uint8Array> = {};
  const listing: string[] = [];
  let truncated = 0;
  const ordered = (['points', 'lignes', 'polygones'] as Family[]).filter((f) => groups.has(f));
  const single = ordered.length === 1 && withoutGeometry.length === 0;
  const cpg = encodeUtf8('UTF-8');
  ordered.forEach((family, i) => {
    const group = groups.get(family)!;
    const base = single ? options.baseName : `${options.baseName}_${family}`;
    // Points: a single shapefile type; one record with several points makes it a MultiPoint file.
    const kind: ShapeKind =
      family === 'points'
        ? group.records.some((r) => r && r.reduce((n, p) => n + p.length, 0) > 1)
          ? 'multipoint'
          : 'point'
        : family === 'lignes'
          ? 'polyline'
          : 'polygon';
    const records = kind === 'multipoint' ? group.records.map((r) => (r ? [r.flat()] : r)) : group.records;
    const { shp, shx } = writeShpShx(kind, records);
    const dbf = writeDbf(group.features, fields, date);
    truncated += dbf.truncated;
    Object.assign(files, {
      [`${base}.shp`]: shp,
      [`${base}.shx`]: shx,
      [`${base}.dbf`]: dbf.bytes,
      [`${base}.prj`]: encodeUtf8(ESRI_PRJ[context.crs]),
      [`${base}.cpg`]: cpg,
    });
    listing.push(`- ${base}.shp : ${group.features.length} objet${group.features.length > 1 ? 's' : ''} (${FAMILY_WORDS[family]})`);
    context.onProgress?.(0.5 + (0.4 * (i + 1)) / ordered.length);
  });
  if (withoutGeometry.length > 0) {
    const base = `${options.baseName}_sans_geometrie`;
    const dbf = writeDbf(withoutGeometry, fields, date);
    truncated += dbf.truncated;
    Object.assign(files, { [`${base}.dbf`]: dbf.bytes, [`${base}.cpg`]: cpg });
    listing.push(`- ${base}.dbf : ${withoutGeometry.length} objet${withoutGeometry.length > 1 ? 's' : ''} sans géométrie (table seule)`);
  }
  files['LISEZMOI.txt'] = encodeUtf8('\uFEFF' + readme(context, listing, fields, truncated).join('\r\n') + '\r\n');
  return zipSync(files, { level: 6 });
}

function readme(context: ExportContext, listing: string[], fields: DbfField[], truncated: number): string[] {
  const lines = [context.name, ''];
  lines.push(context.generatedAt ? `Export de l'Atlas Lens-Liévin du ${context.generatedAt}.` : "Export de l'Atlas Lens-Liévin.");
  lines.push(`Système de coordonnées : ${exportCrsLabel(context.crs)} (décrit dans chaque fichier .prj).`);
  lines.push('Encodage des attributs : UTF-8 (fichiers .cpg).', '', context.attribution);
  const shareAlike = shareAlikeNotice(context.credits);
  if (shareAlike) lines.push(shareAlike);
  lines.push('', 'Fichiers :', ...listing, '', 'Champs (le format dBase limite leurs noms à 10 caractères) :');
  if (fields.length === 0) lines.push('- aucun attribut');
  for (const f of fields) lines.push(f.name === f.property ? `- ${f.name}` : `- ${f.name} = ${f.property}`);
  if (truncated > 0)
    lines.push(
      '',
      `${truncated} texte${truncated > 1 ? 's' : ''} de plus de 254 octets (limite du format dBase) ${truncated > 1 ? 'ont été coupés' : 'a été coupé'} : le GeoPackage et le GeoJSON les gardent entiers.`,
    );
  return lines;
}
