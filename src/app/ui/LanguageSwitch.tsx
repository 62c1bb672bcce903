// FR / EN switch in the header: two toggle buttons, each named in its own language (lang set), the
// current one pressed. The choice is remembered and sets <html lang> (I18nProvider).
import { LOCALES, useI18n, type Locale } from '../i18n';

const NAMES: Record<Locale, { short: string; long: string }> = {
  fr: { short: 'FR', long: 'Français' },
  en: { short: 'EN', long: 'English' },
};

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === locale} onClick={() => setLocale(l)}>
          {NAMES[l].short}
          <span className="visually-hidden"> – {NAMES[l].long}</span>
        </button>
      ))}
    </div>
  );
}
