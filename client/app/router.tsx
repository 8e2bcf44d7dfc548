import { createBrowserRouter } from 'react-router';
import { PageLoading } from '../ui/PageLoading';
import { RouteError } from '../ui/RouteError';
import { PublicLayout } from './layouts/PublicLayout';
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
      {
        path: paths.stats.path,
        lazy: async () => ({ Component: (await import('../pages/stats/PublicStatsPage')).PublicStatsPage }),
      },
      notFoundRoute(),
    ],
  },
  {
    path: paths.staff.root.path,
    // Lazy, with its CSS: the citizen pages never download the staff area's code or styles.
    lazy: async () => ({ Component: (await import('./layouts/StaffLayout')).StaffLayout }),
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./layouts/StaffLayout')).StaffHome }),
      },
      {
        path: paths.staff.account.path,
        lazy: async () => ({ Component: (await import('../pages/account/AccountPage')).AccountPage }),
      },
      {
        path: paths.staff.alerts.path,
        // With the layout that shows the bell (see StaffLayout.tsx).
        lazy: async () => ({ Component: (await import('./layouts/StaffLayout')).AlertsPage }),
      },
      {
        path: paths.staff.accounts.path,
        lazy: async () => ({ Component: (await import('../pages/accounts/AccountsPage')).AccountsPage }),
      },
      {
        path: paths.staff.cases.path,
        lazy: async () => ({ Component: (await import('../pages/cases/QueuePage')).QueuePage }),
      },
      {
        path: paths.staff.case.path,
        lazy: async () => ({ Component: (await import('../pages/cases/CasePage')).CasePage }),
      },
      {
        path: paths.staff.dashboard.path,
        lazy: async () => ({ Component: (await import('../pages/dashboard/DashboardPage')).DashboardPage }),
      },
      {
        path: paths.staff.dashboardReports.path,
        lazy: async () => ({ Component: (await import('../pages/dashboard/ReportsListPage')).ReportsListPage }),
      },
      {
        path: paths.staff.periodicReport.path,
        lazy: async () => ({ Component: (await import('../pages/dashboard/PeriodicReportPage')).PeriodicReportPage }),
      },
      {
        path: paths.staff.holidays.path,
        lazy: async () => ({ Component: (await import('../pages/holidays/HolidaysPage')).HolidaysPage }),
      },
      {
        path: paths.staff.rules.path,
        lazy: async () => ({ Component: (await import('../pages/rules/RulesPage')).RulesPage }),
      },
      {
        path: paths.staff.units.path,
        lazy: async () => ({ Component: (await import('../pages/units/UnitsPage')).UnitsPage }),
      },
      {
        path: paths.staff.intake.path,
        lazy: async () => ({ Component: (await import('../pages/intake/IntakePage')).IntakePage }),
      },
      {
        path: paths.staff.reference.path,
        lazy: async () => ({ Component: (await import('../pages/reference/ReferencePage')).ReferencePage }),
      },
      notFoundRoute(),
    ],
  },
]);
