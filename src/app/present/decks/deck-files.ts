// Deck ⇄ file and deck → link, for the decks dialog (loaded with it, with ajv and fflate).
import type { CardsState } from '../../data/cards';
import { encodeDeck, SHARE_LIMIT } from '../deck/share-codec';
import type { Deck } from '../../../core/deck/types';
import { deckFileName, deckToFile, readDeckText, type DeckRead, type Translate } from '../deck/validate';
import { permalink, pageBase } from '../share/links';
import { knownIds } from '../state/useDecks';
import { paramsToRaw, SHARED_DECK_ID } from '../url-params';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function exportDeckFile(deck: Deck): void {
  const json = JSON.stringify(deckToFile(deck), null, 2);
  downloadBlob(new Blob([json], { type: 'application/json' }), deckFileName(deck));
}

export async function importDeckFile(file: File, t: Translate, cards: CardsState): Promise<DeckRead> {
  // Checked before reading: a huge file is not a deck, and would freeze the page while parsed.
  if (file.size > 1_000_000) throw new Error(t('present.file.error.size', { name: file.name }));
  return readDeckText(await file.text(), file.name, t, knownIds(cards));
}

export type DeckLink = { ok: true; url: string; length: number } | { ok: false; message: string };

/** A link that opens the presentation of this deck at its first slide, in any browser. */
export function deckLink(deck: Deck, t: Translate): DeckLink {
  const encoded = encodeDeck(deck);
  if (!encoded.ok) return { ok: false, message: t('present.link.tooLong', { length: encoded.length, limit: SHARE_LIMIT }) };
  const url = permalink({ present: paramsToRaw({ deck: SHARED_DECK_ID, slide: 1, sharedDeck: encoded.value }) }, pageBase(window.location));
  return { ok: true, url, length: url.length };
}
