// One chapter of the story: a report card's place in the report, title, summary, key figures with
// the report's exact words (the cards' own FigureTable), what the map shows, and the way on.
import type { BuiltCard, CardsFile } from '../../../layers/cards';
import { findSublayer } from '../../../layers/index';
import { FigureTable } from '../cards/FigureTable';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { useFrLang } from '../i18n/Localized';
import { formatHash } from '../state/url-state';
import { cardSublayers } from '../state/focus';
import { formatCount } from '../ui/format';
import { chapterElementId, chapterHeadingId } from './chapters';

interface StoryChapterProps {
  card: BuiltCard;
  report: CardsFile['report'];
  n: number;
  total: number;
  current: boolean;
  next: BuiltCard | null;
  onGo: (id: string) => void;
  /** Features the map shows per declared sublayer (absent: no geometry); null while the data loads. */
  counts: Map<string, number> | null;
}

export function StoryChapter({ card, report, n, total, current, next, onGo, counts }: StoryChapterProps) {
  const { t, locale } = useI18n();
  const lang = useFrLang();
  const onMap = cardSublayers(card).map((id) => ({ id, title: domainString(locale, findSublayer(id)!.sublayer.title) }));
  return (
    <section
      id={chapterElementId(card.id)}
      className={`story-chapter${current ? ' story-chapter-current' : ''}`}
      aria-labelledby={chapterHeadingId(card.id)}
      data-card={card.id}
    >
      <p className="story-chapter-number">{t('story.chapter', { n, total })}</p>
      <p className="card-path" lang={lang}>
        {card.part}
        <span aria-hidden="true"> › </span>
        <span className="visually-hidden">, </span>
        {card.theme}
      </p>
      <h2 id={chapterHeadingId(card.id)} tabIndex={-1} lang={lang}>
        {card.title}
      </h2>
      <p className="story-summary" lang={lang}>
        {card.summary}
      </p>
      <h3>{t('story.figures')}</h3>
      {card.figures.length > 0 ? (
        <>
          <p className="report-source">
            {t('cards.source.before')}
            <cite lang={lang}>{report.title}</cite> (<span lang={lang}>{report.date}</span>
            {t('cards.source.act', { act: report.act })})
          </p>
          <FigureTable card={card} />
        </>
      ) : (
        <p className="note">{t('story.figures.none')}</p>
      )}
      <h3>{t('story.onMap')}</h3>
      {onMap.length > 0 ? (
        <ul className="story-on-map">
          {onMap.map(({ id, title }) => {
            const count = counts?.get(id);
            return (
              <li key={id}>
                {title}
                {counts &&
                  `${t('ui.colon')}${count === undefined ? t('cards.onMap.noGeometry') : t('cards.onMap.highlighted', { count: formatCount(count, locale) })}`}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="note">{t('story.onMap.none')}</p>
      )}
      <p className="story-chapter-links">
        <a className="button-link" href={formatHash({ card: card.id }) || '#'}>
          {t('story.openCard')}
        </a>
        {next ? (
          <a
            className="button-link"
            href={formatHash({ page: 'recit', chapter: next.id })}
            onClick={(e) => {
              e.preventDefault();
              onGo(next.id);
            }}
          >
            {t('story.next', { title: next.title })}
          </a>
        ) : (
          <span className="note">{t('story.end')}</span>
        )}
      </p>
    </section>
  );
}
