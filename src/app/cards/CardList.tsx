// The report cards grouped by the report's part and theme, in its order, filterable by finalité.
import { useId, useMemo } from 'react';
import type { BuiltCard, FinaliteId } from '../../../layers/cards';
import { FINALITES } from '../../../layers/cards';
import { useI18n } from '../i18n';
import { useFrLang } from '../i18n/Localized';
import { finaliteShort, orderedFinalites } from './format';
import { reportOrder } from './report-order';

interface Group {
  part: string;
  themes: { theme: string; cards: BuiltCard[] }[];
}

/** Parts, themes and cards in the report's own order (the territorial project, Partie 1, Partie 2). */
export function groupCards(cards: BuiltCard[]): Group[] {
  const groups: Group[] = [];
  for (const card of reportOrder(cards)) {
    let group = groups.find((g) => g.part === card.part);
    if (!group) groups.push((group = { part: card.part, themes: [] }));
    let theme = group.themes.find((th) => th.theme === card.theme);
    if (!theme) group.themes.push((theme = { theme: card.theme, cards: [] }));
    theme.cards.push(card);
  }
  return groups;
}

interface CardListProps {
  cards: BuiltCard[];
  finalite: FinaliteId | '';
  onFinalite: (f: FinaliteId | '') => void;
  onOpen: (id: string) => void;
}

const isFinalite = (v: string): v is FinaliteId => v in FINALITES;

export function CardList({ cards, finalite, onFinalite, onOpen }: CardListProps) {
  const { t, tn, locale } = useI18n();
  const lang = useFrLang();
  const selectId = useId();
  const shown = useMemo(() => (finalite ? cards.filter((c) => c.finalites.values.includes(finalite)) : cards), [cards, finalite]);
  const groups = useMemo(() => groupCards(shown), [shown]);
  return (
    <div className="card-list">
      <div className="card-filter">
        <label htmlFor={selectId}>{t('cards.filter.label')}</label>
        <select id={selectId} value={finalite} onChange={(e) => onFinalite(isFinalite(e.target.value) ? e.target.value : '')}>
          <option value="">{t('cards.filter.all')}</option>
          {(Object.keys(FINALITES) as FinaliteId[]).map((f) => (
            <option key={f} value={f}>
              {finaliteShort(f, locale)}
            </option>
          ))}
        </select>
        <p className="card-count" role="status">
          {shown.length === cards.length ? tn('cards.count', shown.length) : tn('cards.countOf', shown.length, { total: cards.length })}
        </p>
      </div>
      {groups.map((g) => (
        <section key={g.part} className="card-part">
          <h3 lang={lang}>{g.part}</h3>
          {g.themes.map((th) => (
            <div key={th.theme} className="card-theme">
              <h4 lang={lang}>{th.theme}</h4>
              <ul>
                {th.cards.map((card) => (
                  <li key={card.id}>
                    <button type="button" className="card-link" data-card-id={card.id} onClick={() => onOpen(card.id)} lang={lang}>
                      {card.title}
                    </button>
                    <p className="card-tags">
                      <span className="visually-hidden">{t('cards.tags.label')}</span>
                      {orderedFinalites(card.finalites.values).map((f) => (
                        <span key={f} className="tag">
                          {finaliteShort(f, locale)}
                        </span>
                      ))}
                      {card.finalites.origin === 'atlas' && <span className="tag-note">{t('cards.tags.atlas')}</span>}
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {shown.length === 0 && <p className="note">{t('cards.filter.none')}</p>}
    </div>
  );
}
