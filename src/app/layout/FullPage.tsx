// The views without the map: a commune's profile (or communes side by side), the report cards, the
// report's figures, the report as a story (with its own map), the accessibility statement. Pages that are not the shell's first screen load
// when opened.
import { lazy, Suspense, type ComponentProps } from 'react';
import { CardsPage } from '../cards/CardsPage';
import { AccessibilityPage } from '../a11y/AccessibilityPage';
import type { UrlState } from '../state/url-state';

const CommunePage = lazy(() => import('../commune/CommunePage'));
const FiguresPage = lazy(() => import('../figures/FiguresPage'));
const StoryPage = lazy(() => import('../story/StoryPage'));

interface FullPageProps {
  page: UrlState['page'] | null;
  communes: ComponentProps<typeof CommunePage> | null;
  cards: ComponentProps<typeof CardsPage>;
  /** The map's address with a card open (or none). */
  mapHref: (cardId: string | null) => string;
  cardId: string | null;
  /** The story (#recit): what it needs besides the search. */
  story: Omit<ComponentProps<typeof StoryPage>, 'search' | 'mapHref'>;
}

/** The full page the address asks for, or null when it asks for the map. */
export function FullPage({ page, communes, cards, mapHref, cardId, story }: FullPageProps) {
  if (communes)
    return (
      <Suspense fallback={null}>
        <CommunePage {...communes} />
      </Suspense>
    );
  if (page === 'fiches') return <CardsPage {...cards} />;
  if (page === 'chiffres')
    return (
      <Suspense fallback={null}>
        <FiguresPage state={cards.state} mapHref={mapHref(null)} search={cards.search} statementHref={cards.statementHref} />
      </Suspense>
    );
  if (page === 'recit')
    return (
      <Suspense fallback={null}>
        <StoryPage {...story} search={cards.search} mapHref={mapHref(null)} />
      </Suspense>
    );
  if (page === 'accessibilite') return <AccessibilityPage mapHref={mapHref(cardId)} search={cards.search} />;
  return null;
}
