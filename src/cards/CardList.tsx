// The report cards grouped by the report's part and theme, filterable by finalité.
import { useId, useMemo } from 'react';
import type { BuiltCard, FinaliteId } from '../../layers/cards';
import { FINALITES } from '../../layers/cards';
import { FINALITE_SHORT, orderedFinalites } from './format';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

interface Group {
  part: string;
  themes: { theme: string; cards: BuiltCard[] }[];
}

/** Parts in report order ("Partie 1" before "Partie 2"), themes and cards alphabetically. */
export function groupCards(cards: BuiltCard[]): Group[] {
  const parts = new Map<string, Map<string, BuiltCard[]>>();
  for (const card of cards) {
    const themes = parts.get(card.part) ?? new Map<string, BuiltCard[]>();
    themes.set(card.theme, [...(themes.get(card.theme) ?? []), card]);
    parts.set(card.part, themes);
  }
  return [...parts.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([part, themes]) => ({
      part,
      themes: [...themes.entries()]
        .sort(([a], [b]) => collator.compare(a, b))
        .map(([theme, list]) => ({ theme, cards: [...list].sort((a, b) => collator.compare(a.title, b.title)) })),
    }));
}

interface CardListProps {
  cards: BuiltCard[];
  finalite: FinaliteId | '';
  onFinalite: (f: FinaliteId | '') => void;
  onOpen: (id: string) => void;
}

const isFinalite = (v: string): v is FinaliteId => v in FINALITES;

export function CardList({ cards, finalite, onFinalite, onOpen }: CardListProps) {
  const selectId = useId();
  const shown = useMemo(() => (finalite ? cards.filter((c) => c.finalites.values.includes(finalite)) : cards), [cards, finalite]);
  const groups = useMemo(() => groupCards(shown), [shown]);
  return (
    <div className="card-list">
      <div className="card-filter">
        <label htmlFor={selectId}>Finalité du développement durable</label>
        <select id={selectId} value={finalite} onChange={(e) => onFinalite(isFinalite(e.target.value) ? e.target.value : '')}>
          <option value="">Toutes les finalités</option>
          {(Object.keys(FINALITES) as FinaliteId[]).map((f) => (
            <option key={f} value={f}>
              {FINALITE_SHORT[f]}
            </option>
          ))}
        </select>
        <p className="card-count" role="status">
          {shown.length === cards.length
            ? `${shown.length} fiche${shown.length > 1 ? 's' : ''}`
            : `${shown.length} fiche${shown.length > 1 ? 's' : ''} sur ${cards.length}`}
        </p>
      </div>
      {groups.map((g) => (
        <section key={g.part} className="card-part">
          <h3>{g.part}</h3>
          {g.themes.map((t) => (
            <div key={t.theme} className="card-theme">
              <h4>{t.theme}</h4>
              <ul>
                {t.cards.map((card) => (
                  <li key={card.id}>
                    <button type="button" className="card-link" data-card-id={card.id} onClick={() => onOpen(card.id)}>
                      {card.title}
                    </button>
                    <p className="card-tags">
                      <span className="visually-hidden">Finalités : </span>
                      {orderedFinalites(card.finalites.values).map((f) => (
                        <span key={f} className="tag">
                          {FINALITE_SHORT[f] ?? f}
                        </span>
                      ))}
                      {card.finalites.origin === 'atlas' && <span className="tag-note">finalités déduites par l'Atlas</span>}
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {shown.length === 0 && <p className="note">Aucune fiche pour cette finalité.</p>}
    </div>
  );
}
