// A verbatim extract of the report, marked as such, with the heading it stands under. The report
// is French: its words keep lang="fr" in the English UI.
import { useI18n } from '../i18n';
import { useFrLang } from '../i18n/Localized';

export function Quote({ text, section }: { text: string; section?: string }) {
  const { t } = useI18n();
  const lang = useFrLang();
  return (
    <figure className="quote">
      <blockquote lang={lang}>
        <p>« {text} »</p>
      </blockquote>
      <figcaption>
        {t('cards.quote.source')}
        {section ? (
          <>
            {t('cards.quote.section')}
            <cite lang={lang}>{section}</cite>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
