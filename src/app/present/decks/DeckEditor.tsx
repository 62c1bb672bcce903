// Editing one deck: its title; each slide's title and note; order (buttons, so it works from the
// keyboard); delete; show a slide's view; add the current view or a report card. Saved as typed.
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { reportOrder } from '../deck/default-deck';
import { addSlide, cardSlide, editSlide, moveSlide, removeSlide, renameDeck } from '../deck/model';
import { DECK_LIMITS, type Deck } from '../../../core/deck/types';
import type { Present } from '../usePresent';
import type { PresentView } from '../view';
import { currentViewSlide } from './DecksDialog';

interface DeckEditorProps {
  deck: Deck;
  present: Present;
  view: PresentView;
  onDone: () => void;
  onStart: (deck: Deck, index?: number) => void;
}

export function DeckEditor({ deck, present, view, onDone, onStart }: DeckEditorProps) {
  const { t } = useI18n();
  const save = present.decks.save;
  const titleId = useId();
  const cardSelectId = useId();
  const cards = useMemo(() => (view.cards.status === 'ok' ? reportOrder(view.cards.file.cards) : []), [view.cards]);
  const [cardToAdd, setCardToAdd] = useState('');
  const [status, setStatus] = useState('');
  const full = deck.slides.length >= DECK_LIMITS.slides;

  const addView = () => {
    save(addSlide(deck, currentViewSlide(present, view, view.card?.title ?? t('present.editor.viewTitle', { n: deck.slides.length + 1 }))));
    setStatus(t('present.editor.added', { n: deck.slides.length + 1 }));
  };
  const addCard = () => {
    const card = cards.find((c) => c.id === cardToAdd);
    if (!card) return;
    save(addSlide(deck, cardSlide(card.id, card.title)));
    setStatus(t('present.editor.added', { n: deck.slides.length + 1 }));
  };
  const move = (i: number, delta: number) => {
    save(moveSlide(deck, i, delta));
    setStatus(t('present.editor.moved', { from: i + 1, to: i + 1 + delta }));
    // Focus follows the slide to its new place.
    requestAnimationFrame(() => document.getElementById(`diapo-titre-${deck.slides[i].id}`)?.focus());
  };

  return (
    <div className="deck-editor" data-jeu={deck.id}>
      <div className="present-field">
        <label htmlFor={titleId}>{t('present.editor.deckTitle')}</label>
        <input
          id={titleId}
          value={deck.title}
          maxLength={DECK_LIMITS.title}
          onChange={(e) => save(renameDeck(deck, e.target.value))}
          onBlur={(e) => !e.target.value.trim() && save(renameDeck(deck, t('present.editor.untitled')))}
        />
      </div>
      {deck.slides.length === 0 && <p className="note">{t('present.editor.empty')}</p>}
      <ol className="slide-rows">
        {deck.slides.map((slide, i) => (
          <li key={slide.id} className="slide-row" data-diapo={i + 1}>
            <p className="slide-row-head">
              <strong>{t('present.editor.slide', { n: i + 1 })}</strong> ·{' '}
              {slide.kind === 'fiche' ? t('present.editor.kindCard') : t('present.editor.kindView')}
            </p>
            <label>
              {t('present.editor.slideTitle')}
              <input
                id={`diapo-titre-${slide.id}`}
                value={slide.title}
                maxLength={DECK_LIMITS.title}
                onChange={(e) => save(editSlide(deck, i, { title: e.target.value }))}
              />
            </label>
            <label>
              {t('present.editor.note')}
              <textarea
                value={slide.note}
                maxLength={DECK_LIMITS.note}
                rows={2}
                onChange={(e) => save(editSlide(deck, i, { note: e.target.value }))}
              />
            </label>
            <div className="slide-row-actions">
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('present.editor.upLabel', { n: i + 1 })}>
                {t('present.editor.up')}
              </button>
              <button
                type="button"
                onClick={() => move(i, 1)}
                disabled={i === deck.slides.length - 1}
                aria-label={t('present.editor.downLabel', { n: i + 1 })}
              >
                {t('present.editor.down')}
              </button>
              <button type="button" onClick={() => present.show.preview(slide)} aria-label={t('present.editor.showLabel', { n: i + 1 })}>
                {t('present.editor.show')}
              </button>
              <button type="button" onClick={() => onStart(deck, i)} aria-label={t('present.editor.startHereLabel', { n: i + 1 })}>
                {t('present.editor.startHere')}
              </button>
              <button
                type="button"
                onClick={() => {
                  save(removeSlide(deck, i));
                  setStatus(t('present.editor.removed', { title: slide.title }));
                }}
                aria-label={t('present.editor.deleteLabel', { n: i + 1 })}
              >
                {t('present.editor.delete')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="deck-actions">
        <button type="button" onClick={addView} disabled={full}>
          {t('present.editor.addView')}
        </button>
        <label htmlFor={cardSelectId}>{t('present.editor.card')}</label>
        <select id={cardSelectId} value={cardToAdd} onChange={(e) => setCardToAdd(e.target.value)}>
          <option value="">{t('present.editor.chooseCard')}</option>
          {cards.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={addCard} disabled={!cardToAdd || full}>
          {t('present.editor.addCard')}
        </button>
      </div>
      {full && <p className="present-warning">{t('present.editor.full', { n: DECK_LIMITS.slides })}</p>}
      <p className="present-status" role="status">
        {status}
      </p>
      <div className="deck-actions">
        <button type="button" className="present-primary" onClick={() => onStart(deck)} disabled={!deck.slides.length}>
          {t('present.decks.start')}
        </button>
        <button type="button" onClick={onDone}>
          {t('present.editor.done')}
        </button>
      </div>
    </div>
  );
}
