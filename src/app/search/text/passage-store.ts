// The sentence a search result opened: set by the search when a report sentence is chosen, read by
// the card it belongs to (side panel or full page) without threading it through the app shell.
import { useSyncExternalStore } from 'react';

export interface FoundPassage {
  cardId: string;
  heading: string;
  text: string;
  /** What the reader typed: its words are marked in the sentence. */
  query: string;
  /** Changes at every choice, so that choosing the same sentence again moves the focus again. */
  key: number;
}

let current: FoundPassage | null = null;
let counter = 0;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function showPassage(passage: Omit<FoundPassage, 'key'>): void {
  counter += 1;
  current = { ...passage, key: counter };
  notify();
}

export function clearPassage(): void {
  if (!current) return;
  current = null;
  notify();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The found sentence when it belongs to this card. */
export function usePassage(cardId: string): FoundPassage | null {
  const passage = useSyncExternalStore(subscribe, () => current);
  return passage && passage.cardId === cardId ? passage : null;
}
