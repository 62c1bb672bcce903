// Text that may stay French in the English UI: domain labels (looked up in the glossary) and
// content from the data or the report (always French). Marked lang="fr" so screen readers switch voice.
import { domainText } from './domain';
import { useI18n } from './index';

/** A domain label from layers/*.ts or the catalog: translated when the glossary has it. */
export function Domain({ children }: { children: string }) {
  const { locale } = useI18n();
  const d = domainText(locale, children);
  return d.lang ? <span lang={d.lang}>{d.text}</span> : <>{d.text}</>;
}

/** Content that is French whatever the UI language (feature names, report quotes). */
export function Fr({ children, as: Tag = 'span' }: { children: React.ReactNode; as?: 'span' | 'div' | 'p' }) {
  const { locale } = useI18n();
  if (locale === 'fr') return <>{children}</>;
  return <Tag lang="fr">{children}</Tag>;
}

/** lang attribute for an element whose content is French data: set only in the English UI. */
export function useFrLang(): 'fr' | undefined {
  return useI18n().locale === 'fr' ? undefined : 'fr';
}
