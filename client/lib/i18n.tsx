import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LANGUAGE, parseLanguage, t, type Language, type MessageParams } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import { loadLanguage } from './dictionaries';

const STORAGE_KEY = 'tipline389.lang';

let activeLanguage: Language = DEFAULT_LANGUAGE;

/** The language of the page right now; read by the API client for Accept-Language. */
export function currentLanguage(): Language {
  return activeLanguage;
}

/** The language the reader chose last time, its dictionary loaded: awaited before the first page is drawn. */
export function prepareLanguage(): Promise<void> {
  const lang = storedLanguage();
  // A dictionary that cannot come (offline, first visit in English) leaves the page in Vietnamese, not blank.
  return loadLanguage(lang).then(
    () => {
      activeLanguage = lang;
    },
    () => {
      activeLanguage = DEFAULT_LANGUAGE;
    },
  );
}

function storedLanguage(): Language {
  try {
    return parseLanguage(window.localStorage.getItem(STORAGE_KEY)) ?? DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (private mode, policies): fall back to Vietnamese.
    return DEFAULT_LANGUAGE;
  }
}

function remember(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across visits; the switch still works for this page.
  }
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() => activeLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    remember(next);
    // The page changes language once the texts are here; if they cannot come, it stays as it is.
    void loadLanguage(next).then(
      () => {
        activeLanguage = next;
        setLangState(next);
      },
      () => undefined,
    );
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, params) => t(lang, key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
