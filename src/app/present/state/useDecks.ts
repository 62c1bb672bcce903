// Decks of this browser (IndexedDB, or memory for the session) and the deck a link carries.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { layerDefinitions } from '../../../../layers/index';
import type { CardsState } from '../../data/cards';
import { useI18n } from '../../i18n';
import { openDeckStore, type DeckStore } from '../deck/store';
import type { Deck } from '../../../core/deck/types';
import type { KnownIds } from '../deck/validate';

export interface Notice {
  id: number;
  kind: 'info' | 'avertissement' | 'erreur';
  text: string;
}

let noticeCounter = 0;

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback((kind: Notice['kind'], text: string) => setNotices((n) => [...n, { id: ++noticeCounter, kind, text }]), []);
  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  return { notices, notify, dismiss };
}

export type Notify = ReturnType<typeof useNotices>['notify'];

export interface DecksState {
  status: 'chargement' | 'ok';
  /** 'memoire': IndexedDB refused, decks last for the session only. */
  kind: DeckStore['kind'] | null;
  decks: Deck[];
}

export function useDecks(notify: Notify) {
  const { t } = useI18n();
  const store = useRef<DeckStore | null>(null);
  const [state, setState] = useState<DecksState>({ status: 'chargement', kind: null, decks: [] });
  useEffect(() => {
    let live = true;
    void openDeckStore()
      .then(async (s) => {
        store.current = s;
        const decks = await s.list();
        if (live) setState({ status: 'ok', kind: s.kind, decks });
      })
      .catch(() => live && setState({ status: 'ok', kind: 'memoire', decks: [] }));
    return () => {
      live = false;
    };
  }, []);

  const save = useCallback(
    (deck: Deck) => {
      setState((s) => ({ ...s, decks: [deck, ...s.decks.filter((d) => d.id !== deck.id)] }));
      store.current?.put(deck).catch(() => notify('erreur', t('present.decks.saveFailed', { title: deck.title })));
    },
    [notify, t],
  );
  const remove = useCallback((id: string) => {
    setState((s) => ({ ...s, decks: s.decks.filter((d) => d.id !== id) }));
    store.current?.remove(id).catch(() => undefined);
  }, []);
  return { ...state, save, remove };
}

export type DecksApi = ReturnType<typeof useDecks>;

export function knownIds(cards: CardsState): KnownIds {
  return {
    layers: new Set(layerDefinitions.map((l) => l.id)),
    sublayers: new Set(layerDefinitions.flatMap((l) => l.sublayers.map((s) => s.id))),
    cards: cards.status === 'ok' ? new Set(cards.file.cards.map((c) => c.id)) : null,
  };
}

export type SharedDeckState =
  { status: 'aucun' | 'lecture' } | { status: 'ok'; deck: Deck; warnings: string[] } | { status: 'erreur'; message: string };

/** Decodes and checks the deck of a link (codec and validator load only when a link carries one). */
export function useSharedDeck(payload: string | undefined, cards: CardsState): SharedDeckState {
  const { t } = useI18n();
  const [state, setState] = useState<SharedDeckState>({ status: payload ? 'lecture' : 'aucun' });
  const cardsReady = cards.status !== 'chargement';
  // Cards only matter once loaded: the ids are recomputed when they arrive, and the link re-read then.
  const known = useMemo(() => knownIds(cards), [cards]);
  useEffect(() => {
    if (!payload) return setState({ status: 'aucun' });
    // Cards are needed to tell a card of this build from a stale one.
    if (!cardsReady) return setState({ status: 'lecture' });
    let live = true;
    void Promise.all([import('../deck/share-codec'), import('../deck/validate')]).then(([codec, validate]) => {
      if (!live) return;
      const json = codec.decodeDeck(payload);
      if (json === null) return setState({ status: 'erreur', message: t('present.link.broken') });
      try {
        const read = validate.checkDeckFile(json, t('present.link.name'), t, known);
        // The id stays stable while the link is open, so the address does not change under the reader.
        setState({ status: 'ok', deck: { ...read.deck, id: 'lien' }, warnings: read.warnings });
      } catch (error) {
        setState({ status: 'erreur', message: error instanceof Error ? error.message : String(error) });
      }
    });
    return () => {
      live = false;
    };
    // `t` changes with the language: the message is then re-read.
  }, [payload, cardsReady, known, t]);
  return state;
}
