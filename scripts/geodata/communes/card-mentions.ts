// The report cards concerning a commune, and why: the card covers the whole territory, shows
// objects lying in the commune, or names the commune in its text.
import type { BuiltCard } from '../../../layers/cards';
import { matchesFilter } from '../../../layers/cards';
import type { CardMention } from '../../../layers/commune-profile';
import type { ProfileContext } from './context';
import { namedIn } from '../report-mentions';

export function cardMentions(cards: BuiltCard[], { place }: ProfileContext, code: string, nom: string, names: string[]): CardMention[] {
  const cardMentions: CardMention[] = [];
  for (const card of cards) {
    const reasons: CardMention['reasons'] = [];
    for (const link of card.links) {
      if (link.sublayer === 'communes' && !link.filter) {
        if (!reasons.includes('territoire')) reasons.push('territoire');
        continue;
      }
      const here = place(link.sublayer).some((p) => p.inside.has(code) && matchesFilter(p.feature.properties, link.filter));
      if (here && !reasons.includes('objets')) reasons.push('objets');
    }
    const text = [card.title, card.summary, ...card.figures.map((f) => f.quote), ...card.officials.map((o) => o.quote), ...card.perspectives].join(
      ' \n ',
    );
    if (namedIn(text, names).includes(nom)) reasons.push('texte');
    if (reasons.length > 0) cardMentions.push({ id: card.id, title: card.title, reasons });
  }
  return cardMentions;
}
