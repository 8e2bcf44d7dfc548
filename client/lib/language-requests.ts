import type { Language } from '../../shared/i18n/languages';

/**
 * Issue #17 review: the language asked for last wins. Each request loads its dictionary (`load`); it answers
 * true when loaded and no other request came after it, false when a later one did (vi → en → vi quickly ends in
 * vi, whatever order the loads finish in), and rejects when its load failed and it is still the latest.
 */
export function languageRequests(load: (lang: Language) => Promise<void>): (lang: Language) => Promise<boolean> {
  let latest = 0;
  return (lang) => {
    const mine = ++latest;
    return load(lang).then(
      () => mine === latest,
      (error: unknown) => {
        if (mine !== latest) return false;
        throw error;
      },
    );
  };
}

/** Settles when `promise` does or after `ms`, whichever comes first; never rejects. */
export function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}
