// The report cards, in the side panel (beside the layers) or as a full page: the list, or one
// card. Focus goes to the card's title when it opens and back to its entry in the list when it closes.
import { useEffect, useRef, useState } from 'react';
import type { BuiltCard, FinaliteId } from '../../layers/cards';
import type { CardsState } from '../data/cards';
import { Badge } from '../ui/Badge';
import { CardList } from './CardList';
import { CardView, type LinkedCount } from './CardView';
import './cards.css';

interface CardBrowserProps {
  state: CardsState;
  card: BuiltCard | null;
  onOpen: (id: string) => void;
  onClose: () => void;
  linked: LinkedCount[] | null;
  onFrame?: () => void;
  /** Page mode: address of the map with a card open; panel mode: of the full page. */
  mapHref?: (id: string) => string;
  pageHref?: string;
  /** The card was opened from elsewhere (the feature sheet): its title takes the focus. */
  focusOnOpen?: boolean;
}

/** A card shown because the address named it gets no focus move; one the reader opens does. */
export function CardBrowser({ state, card, onOpen, onClose, linked, onFrame, mapHref, pageHref, focusOnOpen = false }: CardBrowserProps) {
  const [finalite, setFinalite] = useState<FinaliteId | ''>('');
  const root = useRef<HTMLDivElement>(null);
  const lastOpen = useRef<string | null>(null);
  const [openedHere, setOpenedHere] = useState(false);
  const open = (id: string) => {
    setOpenedHere(true);
    onOpen(id);
  };

  useEffect(() => {
    if (card) lastOpen.current = card.id;
    else if (lastOpen.current) {
      root.current?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(lastOpen.current)}"]`)?.focus();
      lastOpen.current = null;
    }
  }, [card]);

  return (
    <div className="card-browser" ref={root}>
      {state.status === 'chargement' && <Badge kind="chargement">lecture des fiches du rapport…</Badge>}
      {state.status === 'erreur' && (
        <div className="cards-error" role="alert">
          <p>
            <strong>Les fiches du rapport ne sont pas disponibles</strong> : {state.message}
          </p>
          <p>La carte et ses couches restent utilisables.</p>
        </div>
      )}
      {state.status === 'ok' && card && (
        <CardView card={card} report={state.file.report} linked={linked} focusOnOpen={openedHere || focusOnOpen} onBack={onClose} onFrame={onFrame} mapHref={mapHref?.(card.id)} />
      )}
      {state.status === 'ok' && !card && (
        <>
          <h2 id="titre-fiches">Fiches du rapport</h2>
          <p className="report-intro">
            Les chiffres clés du <cite>{state.file.report.title}</cite> ({state.file.report.date}), cités mot pour mot, à côté de ce que
            mesure la carte.
          </p>
          {pageHref && (
            <p>
              <a href={pageHref}>Ouvrir la liste des fiches en pleine page</a>
            </p>
          )}
          <CardList cards={state.file.cards} finalite={finalite} onFinalite={setFinalite} onOpen={open} />
        </>
      )}
    </div>
  );
}
