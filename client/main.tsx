import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { z } from 'zod';
import { router } from './app/router';
import { I18nProvider, prepareLanguage } from './lib/i18n';
import { registerPublicServiceWorker } from './lib/serviceWorker';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
// The staff area's CSS is imported by its lazy layout (app/layouts/StaffLayout), the public figures' by their page.

// Our CSP forbids eval; without this zod probes for it with `new Function` and the browser reports a violation.
z.config({ jitless: true });

// One cache for the app's server data; a form's answer is not refetched because the window got focus.
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The first screen in index.html stays until the page's own code is here: no blank "loading" between.
function whenFirstPageLoaded(): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

registerPublicServiceWorker();
void Promise.all([whenFirstPageLoaded(), prepareLanguage()]).then(() => {
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <RouterProvider router={router} />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
});
