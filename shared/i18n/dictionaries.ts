import { en } from './en';
import type { Language } from './languages';
import { vi, type MessageKey } from './vi';

/**
 * Every language's messages, loaded at once: what the server and the tests use. The browser build swaps this
 * module for client/lib/dictionaries.ts (vite.config.mts, `clientDictionaries`), which loads English only when
 * a reader switches to it: its ~12 KB (Brotli) are not on a Vietnamese citizen's first visit.
 */
export const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };
