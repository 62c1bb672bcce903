// Default title and subtitle of an image or a print: the slide shown, else the open card, else the atlas.
import type { Translate } from '../deck/validate';
import type { Present } from '../usePresent';
import type { PresentView } from '../view';

export function defaultTitle(present: Present, view: PresentView, t: Translate): string {
  const slide = present.show.presenting ? present.activeDeck?.slides[(present.params.slide ?? 1) - 1] : undefined;
  return slide?.title || view.card?.title || t('present.export.defaultTitle');
}

export function subtitle(view: PresentView, t: Translate, date: string): string {
  return view.card ? t('present.export.subtitleCard', { theme: view.card.theme, date }) : t('present.export.subtitle', { date });
}
