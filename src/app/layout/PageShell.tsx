// The chrome every full page without the map shares (report cards, figures, accessibility statement,
// story): skip links to the content and to one other landmark (the search by default), then the
// header with its search and a link to the map. The page's own content follows.
import type { ReactNode, Ref } from 'react';
import { AppHeader } from '../ui/AppHeader';
import { SkipLinks } from '../ui/SkipLink';
import { useI18n } from '../i18n';

interface PageShellProps {
  subtitle: string;
  search?: ReactNode;
  mapHref: string;
  /** « Retour à la carte » rather than « Voir la carte » (the statement is reached from the map). */
  back?: boolean;
  /** The second skip link (the search when absent). */
  skipTo?: { target: string; label: string };
  className?: string;
  rootRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}

export function PageShell({ subtitle, search, mapHref, back, skipTo, className, rootRef, children }: PageShellProps) {
  const { t } = useI18n();
  return (
    <div className={className ? `app app-page ${className}` : 'app app-page'} ref={rootRef}>
      <SkipLinks
        label={t('a11y.skip.label')}
        links={[{ target: 'contenu', label: t('a11y.skip.content') }, skipTo ?? { target: 'recherche', label: t('a11y.skip.search') }]}
      />
      <AppHeader
        subtitle={subtitle}
        search={search}
        action={
          <a className="header-link" href={mapHref}>
            {t(back ? 'ui.header.backToMap' : 'ui.header.seeMap')}
          </a>
        }
      />
      {children}
    </div>
  );
}
