// Each view has its own document title (RGAA 8.6), in the UI's language.
import { useEffect } from 'react';
import { useI18n } from '../i18n';

export function usePageTitle(page: 'fiches' | 'accessibilite' | 'chiffres' | 'recit' | null, cardTitle?: string): void {
  const { t } = useI18n();
  useEffect(() => {
    const app = t('app.title');
    document.title =
      page === 'accessibilite'
        ? `${t('a11y.page.title')} – ${app}`
        : page === 'chiffres'
          ? `${t('report.figures.title')} – ${app}`
          : page === 'recit'
            ? `${t('story.title')} – ${app}`
            : page === 'fiches'
              ? `${cardTitle ?? t('cards.title')} – ${app}`
              : cardTitle
                ? `${cardTitle} – ${app}`
                : app;
  }, [page, cardTitle, t]);
}
