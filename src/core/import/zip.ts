// Zip archives (zipped shapefiles, KMZ) read with fflate. The central directory is read first,
// without inflating anything, and the entries we need are checked against the caps (total size,
// compression ratio, entry count) before any byte is inflated: a zip bomb is refused, not run.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { errors } from './errors';
import type { ImportLimits } from './limits';

export type ZipEntry = UnzipFileInfo;

/** Entries of the archive (folders, macOS resource forks and `__MACOSX/` left out). */
export function listZip(bytes: Uint8Array, fileName: string, limits: ImportLimits): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        entries.push(info);
        return false;
      },
    });
  } catch {
    // No end-of-central-directory record: the download or the copy stopped early.
    throw errors.truncated(fileName, 'zip');
  }
  if (entries.length > limits.zipMaxEntries) throw errors.zipTooManyEntries(fileName, entries.length, limits.zipMaxEntries);
  return entries.filter((e) => {
    const base = e.name.split('/').pop() ?? '';
    return !e.name.endsWith('/') && !e.name.startsWith('__MACOSX/') && !base.startsWith('._') && base !== '';
  });
}

/** Refuses the archive when the entries to inflate would pass a cap. */
export function checkZipCaps(entries: ZipEntry[], fileName: string, limits: ImportLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    const ratio = e.originalSize / Math.max(1, e.size);
    if (e.originalSize >= limits.zipRatioMinBytes && ratio > limits.zipMaxRatio) {
      throw errors.zipBombRatio(fileName, e.name, ratio, limits.zipMaxRatio);
    }
  }
  if (total > limits.zipMaxTotalBytes) throw errors.zipBombTotal(fileName, total, limits.zipMaxTotalBytes);
}

/**
 * Inflates the named entries once the caps are checked. fflate sizes each output buffer from the
 * central directory, so an entry that lies about its size cannot grow past it.
 */
export function inflateEntries(bytes: Uint8Array, fileName: string, wanted: ZipEntry[], limits: ImportLimits): Record<string, Uint8Array> {
  checkZipCaps(wanted, fileName, limits);
  const names = new Set(wanted.map((e) => e.name));
  for (const e of wanted) {
    if (e.compression !== 0 && e.compression !== 8) {
      throw errors.unknownFormat(
        fileName,
        `l'entrée « ${e.name} » de l'archive utilise une méthode de compression non prise en charge (archive chiffrée ?)`,
      );
    }
  }
  try {
    return unzipSync(bytes, { filter: (info) => names.has(info.name) });
  } catch {
    throw errors.truncated(fileName, 'zip');
  }
}
