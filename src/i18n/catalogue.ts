// All catalogues, merged per language. Each area of the app keeps its own pair of files
// (messages/<area>.fr.ts and <area>.en.ts) so teams can add messages without touching others'.
import { common as commonFr } from './messages/common.fr';
import { common as commonEn } from './messages/common.en';
import type { Locale } from './types';

const fr = { ...commonFr };
export type MessageKey = keyof typeof fr;

export const catalogues: Record<Locale, Record<MessageKey, string>> = {
  fr,
  en: { ...commonEn },
};
