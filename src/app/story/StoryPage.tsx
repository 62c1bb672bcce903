// #recit: the report read as a story. The text column holds every chapter (one per card, in the
// report's order) and reads without the map; the map (sticky beside the text, above it on phones)
// follows the reading: the chapter crossing mid-screen, or holding the focus, becomes the current
// one and the map takes its layers and framing. The current chapter is kept in the address.
import { PageShell } from '../layout/PageShell';
import { useCallback, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Catalog, Theme } from '../../../layers/types';
import type { CardsState } from '../data/cards';
import type { LayerData } from '../data/useLayerData';
import { useI18n } from '../i18n';
import { useFrLang } from '../i18n/Localized';
import { formatHash } from '../state/url-state';
import { chapterCounts, chapterElementId, chapterHeadingId, storyChapters } from './chapters';
import { StoryChapter } from './StoryChapter';
import { StoryMap } from './StoryMap';
import { useCurrentChapter } from './useCurrentChapter';
import './story.css';

export interface StoryPageProps {
  cards: CardsState;
  catalog: Catalog | null;
  data: LayerData;
  settled: boolean;
  theme: Theme;
  /** Card id of the current chapter (from the address), or null before the first. */
  chapter: string | null;
  onChapter: (id: string) => void;
  /** The map's address. */
  mapHref: string;
  search?: ReactNode;
}

const NAV_ID = 'chapitres';

export default function StoryPage({ cards, catalog, data, settled, theme, chapter, onChapter, mapHref, search }: StoryPageProps) {
  const { t } = useI18n();
  const lang = useFrLang();
  const chapters = useMemo(() => (cards.status === 'ok' ? storyChapters(cards.file) : []), [cards]);
  const current = chapters.find((c) => c.id === chapter) ?? null;
  const ids = useMemo(() => chapters.map((c) => c.id), [chapters]);
  // What the map shows of each chapter, said in its text (the map is only an illustration).
  const counts = useMemo(() => (settled ? new Map(chapters.map((c) => [c.id, chapterCounts(c, data)])) : null), [chapters, data, settled]);
  useCurrentChapter(ids, chapterElementId, onChapter);

  // The sticky map and the chapters' scroll margin sit under the header, whatever its height.
  const root = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const header = root.current?.querySelector<HTMLElement>('.app-header');
    if (!header || !root.current) return;
    const set = () => root.current?.style.setProperty('--story-header', `${header.offsetHeight}px`);
    set();
    const observer = new ResizeObserver(set);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);

  /** Brings a chapter to the top of the reading column, makes it current and gives it the focus. */
  const goTo = useCallback(
    (id: string, focus = true) => {
      const section = document.getElementById(chapterElementId(id));
      if (!section) return;
      const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      section.scrollIntoView({ block: 'start', behavior: focus && !reduce ? 'smooth' : 'auto' });
      onChapter(id);
      if (focus) document.getElementById(chapterHeadingId(id))?.focus({ preventScroll: true });
    },
    [onChapter],
  );

  // An address naming a chapter opens the story there (once the chapters are on the page).
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || chapters.length === 0) return;
    opened.current = true;
    if (chapter && chapters.some((c) => c.id === chapter)) goTo(chapter, false);
  }, [chapters, chapter, goTo]);

  return (
    <PageShell
      subtitle={t('story.subtitle')}
      search={search}
      mapHref={mapHref}
      skipTo={{ target: NAV_ID, label: t('story.nav') }}
      className="story-page"
      rootRef={root}
    >
      <div className="story-layout">
        <main id="contenu" className="story-text" tabIndex={-1}>
          <section className="story-opening" aria-labelledby="recit-titre">
            <h2 id="recit-titre">{t('story.title')}</h2>
            <p>{t('story.intro')}</p>
            {cards.status === 'chargement' && <p role="status">{t('story.loading')}</p>}
            {cards.status === 'erreur' && (
              <p role="alert">
                {t('story.error')}
                <span lang="fr">{cards.message}</span>
              </p>
            )}
            {chapters.length > 0 && (
              <nav id={NAV_ID} aria-label={t('story.nav')} tabIndex={-1}>
                <ol className="story-nav">
                  {chapters.map((c) => (
                    <li key={c.id}>
                      <a
                        href={formatHash({ page: 'recit', chapter: c.id })}
                        aria-current={c.id === chapter ? 'step' : undefined}
                        lang={lang}
                        onClick={(e) => {
                          e.preventDefault();
                          goTo(c.id);
                        }}
                      >
                        {c.title}
                      </a>
                    </li>
                  ))}
                </ol>
              </nav>
            )}
          </section>
          {cards.status === 'ok' &&
            chapters.map((c, i) => (
              <StoryChapter
                key={c.id}
                card={c}
                report={cards.file.report}
                n={i + 1}
                total={chapters.length}
                current={c.id === chapter}
                next={chapters[i + 1] ?? null}
                onGo={goTo}
                counts={counts?.get(c.id) ?? null}
              />
            ))}
        </main>
        <aside className="story-map-column" aria-label={current ? t('story.mapLabel', { title: current.title }) : t('ui.map.title')}>
          {catalog && <StoryMap catalog={catalog} theme={theme} data={data} settled={settled} card={current} />}
        </aside>
      </div>
    </PageShell>
  );
}
