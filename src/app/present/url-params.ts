// Presentation, embed and sharing parameters of the address. url-state.ts passes them through raw
// (its PRESENT_KEYS); this module gives them types:
// #…&presentation=rapport&diapo=3        the default deck, slide 3
// #…&presentation=lien&jeu=1.eNp…&diapo=2 a deck carried by the link itself (share-codec.ts)
// #…&integration=1                         embed mode (minimal chrome)
// #…&importes=a,b                          visible imported layers of this browser's workspace
const ID = /^[a-z0-9-]+$/;

export interface PresentParams {
  /** Deck being presented: 'rapport' (the default deck), a deck of this browser, or 'lien'. */
  deck?: string;
  /** Slide number, from 1. */
  slide?: number;
  /** The deck carried by the link (compressed), when `deck` is 'lien'. */
  sharedDeck?: string;
  embed?: boolean;
  /** Visible imported layers (workspace items) by id; an empty list means none is shown. */
  imported?: string[];
}

export const SHARED_DECK_ID = 'lien';

export function paramsFromRaw(raw: Readonly<Record<string, string>> | undefined): PresentParams {
  const p: PresentParams = {};
  if (!raw) return p;
  if (raw.presentation && ID.test(raw.presentation)) p.deck = raw.presentation;
  const slide = /^\d{1,4}$/.test(raw.diapo ?? '') ? Number(raw.diapo) : NaN;
  if (p.deck && slide >= 1) p.slide = slide;
  if (p.deck && p.slide === undefined) p.slide = 1;
  if (raw.jeu && /^[\w.-]+$/.test(raw.jeu)) p.sharedDeck = raw.jeu;
  if (raw.integration === '1') p.embed = true;
  if (raw.importes !== undefined) p.imported = raw.importes.split(',').filter((id) => ID.test(id));
  return p;
}

/** Keys in a stable order; nothing is written for what is absent. */
export function paramsToRaw(p: PresentParams): Record<string, string> {
  const raw: Record<string, string> = {};
  if (p.imported) raw.importes = p.imported.join(',');
  if (p.deck) {
    raw.presentation = p.deck;
    raw.diapo = String(p.slide ?? 1);
  }
  if (p.deck === SHARED_DECK_ID && p.sharedDeck) raw.jeu = p.sharedDeck;
  if (p.embed) raw.integration = '1';
  return raw;
}

export const sameParams = (a: PresentParams, b: PresentParams): boolean => JSON.stringify(paramsToRaw(a)) === JSON.stringify(paramsToRaw(b));
