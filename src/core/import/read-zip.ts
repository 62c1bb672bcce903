// A zip is a zipped shapefile (one layer per .shp inside) or a KMZ (doc.kml, else the first
// .kml), decided by its entries; only the entries used are inflated, after the caps are checked.
import { errors } from './errors';
import { parseShapefile } from './parse-shapefile';
import { parseKmlText } from './parse-xml';
import type { RawLayer } from './raw-layer';
import type { ImportRun } from './run';
import { baseName, decodeText, extensionOf } from './text';
import { inflateEntries, listZip, type ZipEntry } from './zip';

/** Path without its extension, lower case: groups "Routes.SHP" with "routes.dbf". */
const stem = (name: string) => name.slice(0, name.length - extensionOf(name).length - 1).toLowerCase();

export interface ZipLayerSource {
  /** Label used in messages: the zip's name, plus the .shp when the zip holds several. */
  label: string;
  format: 'shapefile' | 'kmz';
  read: () => Promise<RawLayer[]>;
}

/** What the zip holds, as deferred readers: one per shapefile, or one for the KMZ's KML. */
export async function openZip(bytes: Uint8Array, fileName: string, run: ImportRun): Promise<ZipLayerSource[]> {
  await run.step('décompression', 0);
  const entries = listZip(bytes, fileName, run.limits);
  const shps = entries.filter((e) => extensionOf(e.name) === 'shp');
  const kmls = entries.filter((e) => extensionOf(e.name) === 'kml');
  const preferKml = extensionOf(fileName) === 'kmz' && kmls.length > 0;

  if (shps.length > 0 && !preferKml) {
    const groups = shps.map((shp) => {
      const key = stem(shp.name);
      const part = (ext: string) => entries.find((e) => stem(e.name) === key && extensionOf(e.name) === ext);
      return { shp, dbf: part('dbf'), prj: part('prj'), cpg: part('cpg') };
    });
    const wanted = groups.flatMap((g) => [g.shp, g.dbf, g.prj, g.cpg].filter((e): e is ZipEntry => e !== undefined));
    const files = inflateEntries(bytes, fileName, wanted, run.limits);
    await run.step('décompression', 1);
    return groups.map((g) => {
      const label = groups.length > 1 ? `${fileName} (${g.shp.name.split('/').pop()})` : fileName;
      const get = (e: ZipEntry | undefined) => (e ? files[e.name] : undefined);
      return {
        label,
        format: 'shapefile' as const,
        read: async () => {
          const name = groups.length > 1 ? baseName(g.shp.name) : baseName(fileName);
          return [await parseShapefile({ name, shp: files[g.shp.name], dbf: get(g.dbf), prj: get(g.prj), cpg: get(g.cpg) }, label, run)];
        },
      };
    });
  }

  if (kmls.length > 0) {
    const doc = kmls.find((e) => e.name.toLowerCase() === 'doc.kml') ?? kmls[0];
    const files = inflateEntries(bytes, fileName, [doc], run.limits);
    await run.step('décompression', 1);
    return [
      {
        label: fileName,
        format: 'kmz' as const,
        read: async () => {
          const warnings: string[] = [];
          return parseKmlText(decodeText(files[doc.name], fileName, warnings), fileName, 'kmz', run, warnings);
        },
      },
    ];
  }
  throw errors.zipWithoutShp(fileName);
}
