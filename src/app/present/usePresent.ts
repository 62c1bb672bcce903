// Everything the app shell needs for meetings and sharing, in one hook: the presentation and embed
// parameters of the address, the decks, the running slide show, the dialogs, the notices and the
// high-contrast switch. The heavy parts (exports, deck files, link codec) load on demand.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Catalog } from '../../../layers/types';
import type { CardsState } from '../data/cards';
import { useI18n } from '../i18n';
import type { CameraRequest } from '../map/MapView';
import { parseHash, type UrlState } from '../state/url-state';
import { defaultVisibility } from '../state/visibility';
import { defaultDeck } from './deck/default-deck';
import { DEFAULT_DECK_ID, type Deck } from '../../core/deck/types';
import { useSlideShow } from './show/useSlideShow';
import { useDecks, useNotices, useSharedDeck } from './state/useDecks';
import { useImportedRefs, type WorkspaceLike } from './state/useImportedRefs';
import { paramsFromRaw, paramsToRaw, sameParams, SHARED_DECK_ID, type PresentParams } from './url-params';

export type PresentDialog = 'jeux' | 'partager' | 'exporter' | null;

export interface PresentInput {
  initialUrl: UrlState;
  cards: CardsState;
  catalog: Catalog | null;
  workspace: WorkspaceLike;
  onCameraRequest: (request: CameraRequest) => void;
  /** The open dialog is the app shell's state: its header buttons open them before this code is loaded. */
  dialog: PresentDialog;
  setDialog: (dialog: PresentDialog) => void;
}

const CONTRAST_KEY = 'atlas-lens-lievin.presentation.contraste';

function readContrast(): boolean {
  try {
    return window.localStorage.getItem(CONTRAST_KEY) === '1';
  } catch {
    return false;
  }
}

export function usePresent({ initialUrl, cards, catalog, workspace, onCameraRequest, dialog, setDialog }: PresentInput) {
  const { t } = useI18n();
  const [params, setParams] = useState<PresentParams>(() => paramsFromRaw(initialUrl.present));
  const [contrastPreferred, setContrastPreferred] = useState(readContrast);
  const { notices, notify, dismiss } = useNotices();
  const decks = useDecks(notify);
  const shared = useSharedDeck(params.deck === SHARED_DECK_ID ? params.sharedDeck : undefined, cards);
  const imported = useImportedRefs(initialUrl.present ? paramsFromRaw(initialUrl.present).imported : undefined, workspace, notify);

  const reportDeck = useMemo(
    () =>
      cards.status === 'ok' && catalog
        ? defaultDeck(cards.file, catalog.territory.bounds, defaultVisibility(), {
            openingTitle: t('present.deck.opening.title'),
            openingNote: t('present.deck.opening.note', { date: cards.file.report.date }),
          })
        : null,
    [cards, catalog, t],
  );

  const activeDeck: Deck | null =
    params.deck === DEFAULT_DECK_ID
      ? reportDeck
      : params.deck === SHARED_DECK_ID
        ? shared.status === 'ok'
          ? shared.deck
          : null
        : (decks.decks.find((d) => d.id === params.deck) ?? null);

  const show = useSlideShow({
    params,
    setParams,
    deck: activeDeck,
    importedParam: imported.param,
    applyImported: imported.apply,
    onCameraRequest,
    openedWithView: !!(initialUrl.camera || initialUrl.card),
  });

  // A deck the address names but this browser cannot show: say why, and leave presentation mode.
  const missing =
    params.deck === DEFAULT_DECK_ID
      ? cards.status === 'erreur'
        ? t('present.deck.defaultUnavailable')
        : null
      : params.deck === SHARED_DECK_ID
        ? shared.status === 'erreur'
          ? shared.message
          : !params.sharedDeck
            ? t('present.link.broken')
            : null
        : params.deck && decks.status === 'ok' && !activeDeck
          ? t('present.deck.notHere', { id: params.deck })
          : null;
  const { stop } = show;
  useEffect(() => {
    if (!missing) return;
    notify('erreur', missing);
    stop();
  }, [missing, notify, stop]);

  const sharedWarnings = shared.status === 'ok' ? shared.warnings : null;
  useEffect(() => {
    for (const w of sharedWarnings ?? []) notify('avertissement', w);
  }, [sharedWarnings, notify]);

  // An address typed or followed in the same tab.
  const { followAddress, currentParams } = show;
  const applyImported = imported.apply;
  useEffect(() => {
    const onHashChange = () => {
      const next = paramsFromRaw(parseHash(window.location.hash).present);
      // A slide being applied writes its own address: nothing new then.
      if (!sameParams({ ...currentParams(), imported: undefined }, { ...next, imported: undefined })) followAddress(next);
      if (next.imported) applyImported(next.imported);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [followAddress, currentParams, applyImported]);

  const contrast = show.presenting && contrastPreferred;
  const toggleContrast = useCallback(() => {
    setContrastPreferred((c) => {
      try {
        window.localStorage.setItem(CONTRAST_KEY, c ? '0' : '1');
      } catch {
        // not remembered on this device
      }
      return !c;
    });
  }, []);

  // Chrome hidden by CSS (see present.css): presentation, embed, contrast.
  const embed = !!params.embed;
  useEffect(() => {
    document.body.classList.toggle('atlas-presentation', show.presenting);
    document.body.classList.toggle('atlas-integration', embed && !show.presenting);
    document.body.classList.toggle('atlas-contraste', contrast);
  }, [show.presenting, embed, contrast]);

  const urlParams = useMemo(() => paramsToRaw({ ...params, imported: imported.param }), [params, imported.param]);

  return {
    urlParams,
    params,
    embed,
    contrast,
    contrastPreferred,
    toggleContrast,
    dialog,
    setDialog,
    notices,
    notify,
    dismiss,
    decks,
    reportDeck,
    activeDeck,
    importedVisible: imported.visible,
    show,
  };
}

export type Present = ReturnType<typeof usePresent>;
