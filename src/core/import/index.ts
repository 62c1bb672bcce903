// Public API of the workbench's import library (isomorphic: runs in a Web Worker and in Node for
// `npm run inspect`).
export { importFile, importFiles, groupInputs, type ImportUnit } from './import';
export { ImportError, type ImportErrorCode, FORMAT_LABELS, errors as importErrors } from './errors';
export { detectFormat, sniffContent, type ContentKind, type FormatDetection } from './detect-format';
export {
  CHUNK_SIZE,
  DEFAULT_LIMITS,
  MAX_FILE_BYTES,
  MAX_PROPERTY_NAMES,
  ZIP_MAX_ENTRIES,
  ZIP_MAX_RATIO,
  ZIP_MAX_TOTAL_BYTES,
  ZIP_RATIO_MIN_BYTES,
  type ImporterOptions,
  type ImportLimits,
} from './limits';
export { parseWktGeometry } from './wkt-geometry';
