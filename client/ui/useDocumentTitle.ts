import { useEffect } from 'react';
import { useT } from '../lib/i18n';

/** Sets the tab title to "<page> – <product>", the first thing a screen reader announces. */
export function useDocumentTitle(pageTitle?: string): void {
  const t = useT();
  const appName = t('ui.app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${appName}` : appName;
  }, [pageTitle, appName]);
}
