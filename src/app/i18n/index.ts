// Translation and locale formatting. `t('key', { n: 3 })` replaces {n}; numbers, units and dates are
// formatted for the current locale (1 234,5 km in French, 1,234.5 km in English). Pure functions
// (`translate`, `formatters`) work in tests and workers; `useI18n` is the React entry point.
import { createContext, createElement, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { isLanguageLoaded, loadLanguage, messagesOf, fr, type MessageKey } from './catalogue';
import { LOCALES, type Locale, type Params } from './types';
import { isSingular } from './plural';

export type { Locale, MessageKey, Params };
export { LOCALES, loadLanguage, isLanguageLoaded };

const KEY = 'atlas-lens-lievin.langue';

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = messagesOf(locale)[key] ?? fr[key] ?? key;
  if (!params) return text;
  const fmt = formatters(locale);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : typeof v === 'number' ? fmt.number(v) : v;
  });
}

/** A message kept as key and parameters (notices, job labels), translated when shown. */
export interface Message {
  key: MessageKey;
  params?: Record<string, string | number | Message>;
}

export function translateMessage(locale: Locale, message: Message): string {
  const params: Params = {};
  for (const [name, value] of Object.entries(message.params ?? {}))
    params[name] = typeof value === 'object' ? translateMessage(locale, value) : value;
  return translate(locale, message.key, params);
}

/** Keys that come in pairs `<base>.one` / `<base>.other`. */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}.one` ? B : never }[MessageKey];

/** `translatePlural('fr', 'ui.count.features', 3)` → "3 objets"; {n} is the count. */
export function translatePlural(locale: Locale, base: PluralBase, n: number, params?: Params): string {
  const key = `${base}.${isSingular(locale, n) ? 'one' : 'other'}` as MessageKey;
  return translate(locale, key, { n, ...params });
}

// Intl formatters are costly to build (tens of microseconds each) and were built per call: an
// import's re-renders formatted numbers often enough to cost 1.7 s of main thread. One per options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormat = (tag: string, min: number | undefined, max: number): Intl.NumberFormat => {
  const key = `${tag}|${min}|${max}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(tag, { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
};
const dateFormat = (tag: string, withTime: boolean): Intl.DateTimeFormat => {
  const key = `${tag}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(tag, withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' })));
  return f;
};

export function formatters(locale: Locale) {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return {
    tag,
    number: (n: number, digits = 2) => numberFormat(tag, undefined, digits).format(n),
    fixed: (n: number, digits: number) => numberFormat(tag, digits, digits).format(n),
    int: (n: number) => numberFormat(tag, undefined, 0).format(n),
    date: (d: Date | string) => dateFormat(tag, false).format(typeof d === 'string' ? new Date(d) : d),
    dateTime: (d: Date | string) => dateFormat(tag, true).format(typeof d === 'string' ? new Date(d) : d),
  };
}

export function readLocalePreference(): Locale {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'en' || v === 'fr' ? v : 'fr';
  } catch {
    return 'fr';
  }
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Plural pair: `tn('ui.count.features', 3)`. */
  tn: (base: PluralBase, n: number, params?: Params) => string;
  fmt: ReturnType<typeof formatters>;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  // main.tsx loads the remembered language's catalogue before the first render; French otherwise.
  const [locale, setLocaleState] = useState<Locale>(() => {
    const wanted = initial ?? readLocalePreference();
    return isLanguageLoaded(wanted) ? wanted : 'fr';
  });
  const choice = useRef<Locale>(locale);
  const setLocale = useCallback((next: Locale) => {
    choice.current = next;
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // not remembered on this device
    }
    // The page switches once the catalogue is there: never half French, half English.
    void loadLanguage(next).then(
      () => {
        // A quicker second click wins.
        if (choice.current !== next) return;
        setLocaleState(next);
        document.documentElement.lang = next;
      },
      () => undefined,
    );
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      tn: (base, n, params) => translatePlural(locale, base, n, params),
      fmt: formatters(locale),
    }),
    [locale, setLocale],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  // Outside a provider (unit tests of components), French.
  return (
    value ?? {
      locale: 'fr',
      setLocale: () => undefined,
      t: (key, params) => translate('fr', key, params),
      tn: (base, n, params) => translatePlural('fr', base, n, params),
      fmt: formatters('fr'),
    }
  );
}
