// A link that opens in a new window says so (RGAA 13.2), in text read by screen readers.
// Only http(s) addresses become links: a `javascript:` or `data:` address from a catalog or a file
// is shown as plain text, never followed.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { isHttpUrl } from './format';

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const { t, locale } = useI18n();
  if (!isHttpUrl(href)) return <>{children}</>;
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
