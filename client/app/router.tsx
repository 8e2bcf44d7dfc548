import { createBrowserRouter, Navigate } from 'react-router';
import { PageLoading } from '../ui/PageLoading';
import { RouteError } from '../ui/RouteError';
import { PublicLayout } from './layouts/PublicLayout';
import { StaffLayout } from './layouts/StaffLayout';
import { paths } from './paths';

function notFoundRoute() {
  return {
    path: '*',
    lazy: async () => ({ Component: (await import('../pages/not-found/NotFoundPage')).NotFoundPage }),
  };
}

export const router = createBrowserRouter([
  {
    Component: PublicLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      {
        path: paths.home.path,
        lazy: async () => ({ Component: (await import('../pages/home/HomePage')).HomePage }),
      },
      {
        path: paths.report.path,
        lazy: async () => ({ Component: (await import('../pages/report/ReportPage')).ReportPage }),
      },
      {
        path: paths.track.path,
        lazy: async () => ({ Component: (await import('../pages/track/TrackPage')).TrackPage }),
      },
      notFoundRoute(),
    ],
  },
  {
    path: paths.staff.root.path,
    Component: StaffLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      // No staff home yet: the reference data page is the only staff page so far.
      { index: true, element: <Navigate to={paths.staff.reference.href()} replace /> },
      {
        path: paths.staff.reference.path,
        lazy: async () => ({ Component: (await import('../pages/reference/ReferencePage')).ReferencePage }),
      },
      notFoundRoute(),
    ],
  },
]);
