// The report cards, in the side panel (beside the layers) or as a full page: the list, or one
// card. Focus goes to the card's title when it opens and back to its entry in the list when it closes.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { BuiltCard, FinaliteId } from '../../../layers/cards';
import type { CardsState } from '../data/cards';
import { Badge } from '../ui/Badge';
import { useI18n } from '../i18n';
import { Fr, useFrLang } from '../i18n/Localized';
import { CardList } from './CardList';
import { CardView, type LinkedCount } from './CardView';
import { clearPassage } from '../search/text/passage-store';
import { formatHash, parseHash } from '../state/url-state';
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
  /** Map mode: the card's focus control, shown in the card. */
  focus?: ReactNode;
}

/** A card shown because the address named it gets no focus move; one the reader opens does. */
export function CardBrowser({ state, card, onOpen, onClose, linked, onFrame, mapHref, pageHref, focusOnOpen = false, focus }: CardBrowserProps) {
  const { t } = useI18n();
  const lang = useFrLang();
  const [finalite, setFinalite] = useState<FinaliteId | ''>('');
  const root = useRef<HTMLDivElement>(null);
  const lastOpen = useRef<string | null>(null);
  const [openedHere, setOpenedHere] = useState(false);
  const open = (id: string) => {
    // Opened from the list, a card shows no sentence found by an earlier search.
    clearPassage();
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
      {state.status === 'chargement' && <Badge kind="chargement">{t('cards.loading')}</Badge>}
      {state.status === 'erreur' && (
        <div className="cards-error" role="alert">
          <p>
            <strong>{t('cards.error.title')}</strong>
            {t('ui.colon')}
            <Fr>{state.message}</Fr>
          </p>
          <p>{t('cards.error.mapStillWorks')}</p>
        </div>
      )}
      {state.status === 'ok' && card && (
        <CardView
          card={card}
          report={state.file.report}
          linked={linked}
          focusOnOpen={openedHere || focusOnOpen}
          onBack={onClose}
          onFrame={onFrame}
          mapHref={mapHref?.(card.id)}
          focus={focus}
        />
      )}
      {state.status === 'ok' && !card && (
        <>
          <h2 id="titre-fiches">{t('cards.title')}</h2>
          <p className="report-intro">
            {t('cards.intro.before')}
            <cite lang={lang}>{state.file.report.title}</cite> (<span lang={lang}>{state.file.report.date}</span>){t('cards.intro.after')}
          </p>
          {pageHref && (
            <p>
              <a href={pageHref}>{t('cards.fullPage')}</a>
            </p>
          )}
          <p>
            <a href={formatHash({ ...parseHash(window.location.hash), page: 'chiffres', card: undefined, selection: undefined, table: undefined })}>
              {t('report.figures.link')}
            </a>
          </p>
          <CardList cards={state.file.cards} finalite={finalite} onFinalite={setFinalite} onOpen={open} />
        </>
      )}
    </div>
  );
}
