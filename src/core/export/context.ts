// What every format writer receives besides the features.
import type { Credit } from '../types';

export interface ExportContext {
  /** Layer name as the user sees it (not the slug). */
  name: string;
  credits: Credit[];
  /** attributionSentence(credits), computed once. */
  attribution: string;
  generatedAt?: string;
}

export const encodeUtf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
