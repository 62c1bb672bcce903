// The report cards as a full page (#fiches): no map, no map data loaded, readable on a phone.
import type { BuiltCard } from '../../layers/cards';
import type { CardsState } from '../data/cards';
import { SkipLink } from '../ui/SkipLink';
import { CardBrowser } from './CardBrowser';

interface CardsPageProps {
  state: CardsState;
  card: BuiltCard | null;
  onOpen: (id: string) => void;
  onClose: () => void;
  /** Address of the map, with the given card open (or none). */
  mapHref: (id: string | null) => string;
}

export function CardsPage({ state, card, onOpen, onClose, mapHref }: CardsPageProps) {
  return (
    <div className="app app-page">
      <SkipLink target="contenu">Aller au contenu</SkipLink>
      <header className="app-header">
        <h1>Atlas Lens-Liévin</h1>
        <p className="subtitle">Rapport développement durable · fiches</p>
        <a className="header-link" href={mapHref(card?.id ?? null)}>
          Voir la carte
        </a>
      </header>
      <main id="contenu" className="cards-page" tabIndex={-1}>
        <CardBrowser state={state} card={card} onOpen={onOpen} onClose={onClose} linked={null} mapHref={mapHref} />
      </main>
    </div>
  );
}
