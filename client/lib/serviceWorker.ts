import { paths } from '../app/paths';

/**
 * Issue #14: the service worker built by vite-plugin-pwa (sw.js, Workbox) keeps the public pages for
 * offline use after one visit. It is registered from the public pages only, once the page has
 * loaded, so its precache never competes with the first screen on a weak link. Staff pages are never
 * served from it (its navigation route allows only /, /report, /track and /stats).
 */
export function registerPublicServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  if (window.location.pathname.startsWith(paths.staff.root.path)) return;
  const register = () => {
    // A browser that refuses (private mode, storage full) keeps the site working online.
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
