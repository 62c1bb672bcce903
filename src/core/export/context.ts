// What every format writer receives besides the features.
import type { Credit, ExportCrs } from '../types';

export interface ExportContext {
  /** Layer name as the user sees it (not the slug). */
  name: string;
  credits: Credit[];
  /** attributionSentence(credits), computed once. */
  attribution: string;
  generatedAt?: string;
  /** System the features handed to the writer are already in. */
  crs: ExportCrs;
  /** Fraction of the export done (0..1), for the job's progress bar. */
  onProgress?: (fraction: number) => void;
}

export const encodeUtf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
