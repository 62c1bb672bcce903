// A small deck carried by the link itself: the deck file's JSON, deflated (fflate) and written in
// base64url after a version prefix ("1."). The address fragment never reaches a server, but mail
// and chat tools cut long links: beyond SHARE_LIMIT characters the user is told to send the file.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { deckToFile } from './validate';
import type { Deck } from '../../../core/deck/types';

/** Characters of the encoded deck (the rest of the link adds ~150). */
export const SHARE_LIMIT = 4000;
const PREFIX = '1.';

export type EncodedDeck = { ok: true; value: string; length: number } | { ok: false; length: number; limit: number };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeDeck(deck: Deck, limit = SHARE_LIMIT): EncodedDeck {
  const { type, version, deck: body } = deckToFile(deck);
  // Timestamps say nothing to the receiver: left out to keep the link short.
  const json = JSON.stringify({ type, version, deck: { title: body.title, slides: body.slides } });
  const value = PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
  return value.length <= limit ? { ok: true, value, length: value.length } : { ok: false, length: value.length, limit };
}

/** The deck file object, or null when the text is not a deck link of a known version (cut, altered). */
export function decodeDeck(value: string): unknown {
  // A forged link far beyond the limit could inflate to hundreds of megabytes.
  if (!value.startsWith(PREFIX) || value.length > 4 * SHARE_LIMIT) return null;
  try {
    return JSON.parse(strFromU8(inflateSync(fromBase64Url(value.slice(PREFIX.length)))));
  } catch {
    return null;
  }
}
