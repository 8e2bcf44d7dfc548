/** Every client URL, written once. `path` is the router pattern, `href()` builds a link. */
export const paths = {
  home: { path: '/', href: () => '/' },
  report: { path: '/report', href: () => '/report' },
  track: { path: '/track', href: (code?: string) => (code ? `/track?code=${encodeURIComponent(code)}` : '/track') },
  stats: { path: '/stats', href: (query = '') => `/stats${query ? `?${query}` : ''}` },
  staff: {
    root: { path: '/staff', href: () => '/staff' },
    reference: { path: '/staff/reference', href: () => '/staff/reference' },
    intake: { path: '/staff/intake', href: () => '/staff/intake' },
    account: { path: '/staff/account', href: () => '/staff/account' },
    alerts: { path: '/staff/alerts', href: () => '/staff/alerts' },
    accounts: { path: '/staff/accounts', href: () => '/staff/accounts' },
    cases: { path: '/staff/cases', href: () => '/staff/cases' },
    holidays: { path: '/staff/holidays', href: () => '/staff/holidays' },
    dashboard: { path: '/staff/dashboard', href: (query = '') => `/staff/dashboard${query ? `?${query}` : ''}` },
    dashboardReports: {
      path: '/staff/dashboard/reports',
      href: (query = '') => `/staff/dashboard/reports${query ? `?${query}` : ''}`,
    },
    periodicReport: {
      path: '/staff/dashboard/periodic',
      href: (query = '') => `/staff/dashboard/periodic${query ? `?${query}` : ''}`,
    },
    rules: { path: '/staff/rules', href: () => '/staff/rules' },
    units: { path: '/staff/units', href: () => '/staff/units' },
    case: { path: '/staff/cases/:code', href: (code: string) => `/staff/cases/${encodeURIComponent(code)}` },
  },
} as const;
