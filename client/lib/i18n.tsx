import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { DEFAULT_LANGUAGE, parseLanguage, t, type Language, type MessageParams } from '../../shared/i18n/translate';
import type { MessageKey } from '../../shared/i18n/vi';
import { loadLanguage } from './dictionaries';
import { languageRequests, settledWithin } from './language-requests';

const STORAGE_KEY = 'tipline389.lang';

let activeLanguage: Language = DEFAULT_LANGUAGE;

/** The language of the page right now; read by the API client for Accept-Language. */
export function currentLanguage(): Language {
  return activeLanguage;
}

/** How long the first drawing waits for the dictionary of the stored language before it draws in Vietnamese. */
export const FIRST_DRAW_WAIT_MS = 3_000;

const requestLanguage = languageRequests(loadLanguage);
/** What follows `activeLanguage` (the provider): told when it changes, e.g. a dictionary arriving after the first drawing. */
const listeners = new Set<() => void>();
function setActiveLanguage(lang: Language): void {
  activeLanguage = lang;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The language the reader chose last time, its dictionary loaded: awaited before the first page is drawn, at
 * most `FIRST_DRAW_WAIT_MS` (a slow link must not keep the page blank): then the page is drawn in Vietnamese and
 * switches when the dictionary arrives, unless the reader chose another language meanwhile.
 */
export function prepareLanguage(wait = FIRST_DRAW_WAIT_MS): Promise<void> {
  const lang = storedLanguage();
  const loaded = requestLanguage(lang).then(
    (latest) => {
      if (latest) setActiveLanguage(lang);
    },
    // A dictionary that cannot come (offline, first visit in English) leaves the page in Vietnamese, not blank.
    () => undefined,
  );
  return settledWithin(loaded, wait);
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
  /** A language asked for whose dictionary could not be downloaded (null: none, or a later request succeeded). */
  failed: Language | null;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const lang = useSyncExternalStore(subscribe, currentLanguage);
  // The language asked for whose dictionary could not come: the page stays as it is, the switch can be pressed again.
  const [failed, setFailed] = useState<Language | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    setFailed(null);
    // The page changes language, and the choice is remembered, once the texts are here and if no other choice
    // came after. A failed dynamic import may be kept as failed by some browsers for the page's life: then only
    // a reload helps (noted in docs/ARCHITECTURE.md); nothing is added to the URL to get around it.
    requestLanguage(next).then(
      (latest) => {
        if (!latest) return;
        remember(next);
        setActiveLanguage(next);
      },
      () => setFailed(next),
    );
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, failed, t: (key, params) => t(lang, key, params) }),
    [lang, setLang, failed],
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
