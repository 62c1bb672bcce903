// A link that opens in a new window says so (RGAA 13.2), in text read by screen readers.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const { t, locale } = useI18n();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      {/* In the UI's language even when the link text is French data. */}
      <span className="visually-hidden" lang={locale}>
        {' '}
        {t('ui.link.newWindow')}
      </span>
    </a>
  );
}
