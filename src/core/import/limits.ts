// Limits of the importer, checked before any parsing so a hostile or mistaken file fails fast and
// never exhausts the memory of a browser tab. Tests inject smaller values through ImporterOptions.
import type { ImportOptions } from '../types';

/** Largest file read (checked on its byte length, before parsing): 200 MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Largest total uncompressed size of the zip entries we inflate (from the central directory): 1 GB. */
export const ZIP_MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
/** Largest compression ratio of one inflated zip entry (uncompressed / compressed): 200:1. */
export const ZIP_MAX_RATIO = 200;
/** The ratio is only checked from this uncompressed size on (1 MB): tiny entries cannot hurt. */
export const ZIP_RATIO_MIN_BYTES = 1024 * 1024;
/** Most entries read from a zip's central directory. */
export const ZIP_MAX_ENTRIES = 10_000;
/** Property names listed per layer (the features keep all their properties). */
export const MAX_PROPERTY_NAMES = 200;
/** Features processed between two progress reports / cancellation checks. */
export const CHUNK_SIZE = 5000;

export interface ImportLimits {
  maxFileBytes: number;
  zipMaxTotalBytes: number;
  zipMaxRatio: number;
  zipRatioMinBytes: number;
  zipMaxEntries: number;
  maxPropertyNames: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: MAX_FILE_BYTES,
  zipMaxTotalBytes: ZIP_MAX_TOTAL_BYTES,
  zipMaxRatio: ZIP_MAX_RATIO,
  zipRatioMinBytes: ZIP_RATIO_MIN_BYTES,
  zipMaxEntries: ZIP_MAX_ENTRIES,
  maxPropertyNames: MAX_PROPERTY_NAMES,
};

/** The shared ImportOptions plus injectable limits (tests, benchmarks). */
export interface ImporterOptions extends ImportOptions {
  limits?: Partial<ImportLimits>;
}

export const resolveLimits = (options: ImporterOptions): ImportLimits => ({ ...DEFAULT_LIMITS, ...options.limits });
