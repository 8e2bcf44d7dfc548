import { useEffect, useRef, type ReactNode } from 'react';
import { ScrollRestoration, useLocation } from 'react-router';

export const MAIN_CONTENT_ID = 'main';

/**
 * The <main> landmark. After a client-side navigation it takes focus, so screen-reader and
 * keyboard users start at the new page instead of on the link they used.
 */
export function MainContent({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    ref.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <main id={MAIN_CONTENT_ID} ref={ref} tabIndex={-1} className="main">
      <ScrollRestoration />
      {children}
    </main>
  );
}
