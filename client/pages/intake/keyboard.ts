import { useEffect, type KeyboardEvent } from 'react';

/** Enter moves on to the next field, as Tab does: it never sends a half-typed call. */
function focusNext(from: HTMLElement) {
  const form = from.closest('form');
  if (!form) return;
  const focusable = Array.from(form.querySelectorAll<HTMLElement>('input, select, textarea, button')).filter(
    (el) => !el.hasAttribute('disabled') && el.tabIndex >= 0 && el.offsetParent !== null,
  );
  focusable[focusable.indexOf(from) + 1]?.focus();
}

/** The form's own keys: Ctrl+Enter saves, Enter in an input or a select moves on. */
export function onFormKey(event: KeyboardEvent<HTMLFormElement>, save: () => void) {
  if (event.key !== 'Enter' || event.defaultPrevented) return;
  const target = event.target;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    save();
  } else if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
    event.preventDefault();
    focusNext(target);
  }
}

/**
 * Shortcuts anywhere on the page, each shown next to what it does: Alt+N a new call, Alt+D the duplicates
 * (or the opened report's note), Esc closes an opened report.
 */
export function useIntakeShortcuts(newCall: () => void, closeOpened: (() => void) | null) {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        newCall();
      } else if (event.altKey && event.key.toLowerCase() === 'd') {
        event.preventDefault();
        document.querySelector<HTMLElement>('.duplicates__open, #append-note')?.focus();
      } else if (event.key === 'Escape' && closeOpened) {
        event.preventDefault();
        closeOpened();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [newCall, closeOpened]);
}
