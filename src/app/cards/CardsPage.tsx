// The report cards as a full page, without the map (#fiches): header with search and language,
// the list or one card.
import { PageShell } from '../layout/PageShell';
import type { BuiltCard } from '../../../layers/cards';
import type { CardsState } from '../data/cards';
import { useI18n } from '../i18n';
import { CardBrowser } from './CardBrowser';

interface CardsPageProps {
  state: CardsState;
  card: BuiltCard | null;
  onOpen: (id: string) => void;
  onClose: () => void;
  /** Address of the map, with the given card open (or none). */
  mapHref: (id: string | null) => string;
  /** The header's search box. */
  search?: React.ReactNode;
  /** Address of the accessibility statement. */
  statementHref?: string;
}

export function CardsPage({ state, card, onOpen, onClose, mapHref, search, statementHref }: CardsPageProps) {
  const { t } = useI18n();
  return (
    <PageShell subtitle={t('cards.page.subtitle')} search={search} mapHref={mapHref(card?.id ?? null)}>
      <main id="contenu" className="cards-page" tabIndex={-1}>
        {!card && (
          <p className="story-entry">
            <a href="#recit">{t('story.entry')}</a>
          </p>
        )}
        <CardBrowser state={state} card={card} onOpen={onOpen} onClose={onClose} linked={null} mapHref={mapHref} />
        {statementHref && (
          <p className="statement-link">
            <a href={statementHref}>{t('a11y.link')}</a>
          </p>
        )}
      </main>
    </PageShell>
  );
}
