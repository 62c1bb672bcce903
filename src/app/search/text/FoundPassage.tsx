// The report sentence a search opened, at the top of its card: the searched words marked with
// <mark>, the sentence scrolled into view and focused so that a screen reader reads it at once.
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import { useFrLang } from '../../i18n/Localized';
import { Marked } from './Marked';
import { clearPassage, type FoundPassage as Passage } from './passage-store';
import './text.css';

/**
 * Scrolls the nearest scrolling ancestor (the side panel, or the page) so the element is in the
 * middle; scrollIntoView would also scroll the map's fixed shell, which hides its header.
 */
function centreInScroller(element: HTMLElement): void {
  let scroller = element.parentElement;
  while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
  const box = element.getBoundingClientRect();
  if (!scroller || scroller === document.body || scroller === document.documentElement) {
    window.scrollBy({ top: box.top - (window.innerHeight - box.height) / 2 });
    return;
  }
  const frame = scroller.getBoundingClientRect();
  scroller.scrollTop += box.top - frame.top - (frame.height - box.height) / 2;
}

/** `section`: the card's section, named before a sub-heading (« Chiffres clés » alone says little). */
export function FoundPassage({ passage, section }: { passage: Passage; section?: string }) {
  const { t } = useI18n();
  const lang = useFrLang();
  const sentence = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const p = sentence.current;
    if (!p) return;
    centreInScroller(p);
    p.focus({ preventScroll: true });
  }, [passage.key]);
  // The button disappears with the passage: the focus goes to the card's title, not to the page's start.
  const hide = () => {
    document.getElementById('fiche-rapport-titre')?.focus();
    clearPassage();
  };
  return (
    <section className="found-passage" aria-labelledby="passage-trouve-titre" data-passage={passage.key}>
      <h3 id="passage-trouve-titre">{t('report.text.found')}</h3>
      <figure className="quote">
        <blockquote lang={lang}>
          <p ref={sentence} tabIndex={-1} className="found-sentence">
            « <Marked text={passage.text} query={passage.query} /> »
          </p>
        </blockquote>
        <figcaption>
          {t('cards.quote.source')}
          {t('cards.quote.section')}
          <cite lang={lang}>{section && section !== passage.heading ? `${section} › ${passage.heading}` : passage.heading}</cite>
        </figcaption>
      </figure>
      <button type="button" className="link-button" onClick={hide}>
        {t('report.text.hide')}
      </button>
    </section>
  );
}
