// The slide beside the map while presenting: large type, where we are in the deck, the slide's
// title and note (or the card's key figures), and buttons for what the keys do.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { BuiltCard } from '../../../../layers/cards';
import type { CardsState } from '../../data/cards';
import { useI18n } from '../../i18n';
import { formatQuantity } from '../../cards/format';
import type { Deck } from '../../../core/deck/types';
import type { Present } from '../usePresent';

function CardFigures({ card }: { card: BuiltCard }) {
  const { t, locale } = useI18n();
  return (
    <>
      <p className="slide-summary">{card.summary}</p>
      {/* A section without a number (« 2– Un accompagnement vers l'emploi ») shows its summary alone. */}
      {card.figures.length > 0 && (
        <dl className="slide-figures">
          {card.figures.slice(0, 4).map((f) => {
            const m = card.measured[f.id];
            return (
              <div key={f.id} className="slide-figure">
                <dt>{f.label}</dt>
                <dd>
                  <span className="slide-figure-value">{formatQuantity(f.value, f.unit, undefined, locale)}</span>
                  <span className="slide-figure-source"> {t('present.slide.reported')}</span>
                  {m && (
                    <span className="slide-figure-measured">
                      {t('present.slide.measured', { value: formatQuantity(m.value, m.unit, f.unit, locale) })}
                    </span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </>
  );
}

export function SlidePanel({ present, deck, cards }: { present: Present; deck: Deck; cards: CardsState }) {
  const { t } = useI18n();
  const { show } = present;
  const n = present.params.slide ?? 1;
  const slide = deck.slides[n - 1];
  const cardId = slide?.kind === 'fiche' ? slide.card : slide?.kind === 'vue' ? slide.view.card : undefined;
  const card = cardId && cards.status === 'ok' ? cards.file.cards.find((c) => c.id === cardId) : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  const { panelLaidOut } = show;
  useLayoutEffect(() => {
    panelLaidOut(true);
    return () => panelLaidOut(false);
  }, [panelLaidOut]);
  const body = useRef<HTMLDivElement>(null);
  // Each slide starts at its top; the title takes the focus (announced by screen readers, keys keep working).
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
    heading.current?.focus({ preventScroll: true });
  }, [n, deck.id]);
  if (!slide) return null;
  const count = deck.slides.length;
  return (
    <aside className="slide-panel" aria-label={t('present.slide.region')} data-diapo={n}>
      <div className="slide-progress" aria-hidden="true">
        <span style={{ width: `${(n / count) * 100}%` }} />
      </div>
      {/* The slide scrolls if it must; the buttons below stay in view. */}
      <div className="slide-body" ref={body}>
        <p className="slide-deck">{deck.title}</p>
        <p className="slide-count">{t('present.slide.count', { n, count })}</p>
        {card && <p className="slide-kicker">{card.theme}</p>}
        <h2 className="slide-title" ref={heading} tabIndex={-1}>
          {slide.title}
        </h2>
        {slide.kind === 'fiche' && card && <CardFigures card={card} />}
        {slide.note && <p className="slide-note">{slide.note}</p>}
      </div>
      <div className="slide-foot">
        <nav className="slide-nav" aria-label={t('present.slide.nav')}>
          <button type="button" onClick={() => show.go(n - 1)} disabled={n <= 1}>
            <span aria-hidden="true">◀ </span>
            {t('present.slide.previous')}
          </button>
          <button type="button" onClick={() => show.go(n + 1)} disabled={n >= count}>
            {t('present.slide.next')}
            <span aria-hidden="true"> ▶</span>
          </button>
        </nav>
        <div className="slide-tools">
          <button type="button" onClick={show.toggleFullscreen} aria-pressed={show.fullscreen}>
            {t('present.slide.fullscreen')}
          </button>
          <button type="button" onClick={present.toggleContrast} aria-pressed={present.contrastPreferred}>
            {t('present.slide.contrast')}
          </button>
          <button type="button" onClick={() => show.setBlank(true)}>
            {t('present.slide.blank')}
          </button>
          <button type="button" onClick={() => present.setDialog('partager')} aria-haspopup="dialog">
            {t('present.toolbar.share')}
          </button>
          <button type="button" onClick={() => present.setDialog('exporter')} aria-haspopup="dialog">
            {t('present.toolbar.export')}
          </button>
          <button type="button" onClick={show.stop}>
            {t('present.slide.quit')}
          </button>
        </div>
        <p className="slide-keys">{t('present.slide.keys')}</p>
      </div>
    </aside>
  );
}

/** Black screen (B or "." on a clicker): any slide key brings the slide back. */
export function BlankScreen({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  return (
    <div className="slide-blank" onClick={onBack}>
      <p className="visually-hidden" role="status">
        {t('present.slide.blankOn')}
      </p>
    </div>
  );
}
