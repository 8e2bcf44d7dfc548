import { Link, Navigate, NavLink, Outlet } from 'react-router';
import type { Role } from '../../../shared/domain/roles';
import { useT } from '../../lib/i18n';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Brand } from '../../ui/Brand';
import { MainContent } from '../../ui/MainContent';
import { SkipLink } from '../../ui/SkipLink';
import { paths } from '../paths';
import { StaffSessionProvider, useStaffSession } from '../../lib/staffSession';
import { SignInForm } from '../../pages/sign-in/SignInForm';
import { PageLoading } from '../../ui/PageLoading';
import { isAlerted, useAlertStream } from '../../lib/alerts.api';
import { AlertBell } from './AlertBell';

/**
 * Issue #17: the list behind the bell comes with the layout that shows the bell. Also a matter of bytes: as a chunk
 * of its own (ErrorNotice without zod) it made Rollup split zod out of the chunk the citizen pages share with the
 * staff area (+1.1 KB of Brotli on /report and /track, tests/api/client-shell.test.ts).
 */
export { AlertsPage } from '../../pages/alerts/AlertsPage';
// The staff area's styles come with its (lazy) layout, never on the citizen pages.
import '../../styles/intake.css';
import '../../styles/cases.css';
import '../../styles/dashboard.css';
import '../../styles/rules.css';

/** The pages of the staff area, with the roles that use them; the nav shows a person only theirs. */
const STAFF_PAGES: {
  href: string;
  label:
    | 'ui.staff.nav.dashboard'
    | 'ui.staff.nav.cases'
    | 'ui.staff.nav.intake'
    | 'ui.staff.nav.intake_desk'
    | 'ui.staff.nav.accounts'
    | 'ui.staff.nav.units'
    | 'ui.staff.nav.rules'
    | 'ui.staff.nav.holidays'
    | 'ui.staff.nav.reference'
    | 'ui.staff.nav.commune_reports';
  roles: Role[] | 'all';
}[] = [
  // Issue #7: a coordinator lands on the dashboard; the queue stays one click away. Issue #18: a commune
  // committee lands on its commune's figures, then its list (read-only); a unit lead on the queue, then figures.
  { href: paths.staff.dashboard.href(), label: 'ui.staff.nav.dashboard', roles: ['coordinator', 'commune_committee'] },
  {
    href: paths.staff.dashboardReports.href(),
    label: 'ui.staff.nav.commune_reports',
    roles: ['commune_committee'],
  },
  { href: paths.staff.cases.href(), label: 'ui.staff.nav.cases', roles: ['officer', 'unit_lead', 'coordinator'] },
  { href: paths.staff.dashboard.href(), label: 'ui.staff.nav.dashboard', roles: ['unit_lead'] },
  // Issue #18 review: an officer's desk takes letters, e-mails and visits too: "Tiếp nhận tin báo".
  { href: paths.staff.intake.href(), label: 'ui.staff.nav.intake', roles: ['operator'] },
  { href: paths.staff.intake.href(), label: 'ui.staff.nav.intake_desk', roles: ['officer', 'unit_lead'] },
  { href: paths.staff.accounts.href(), label: 'ui.staff.nav.accounts', roles: ['admin'] },
  { href: paths.staff.units.href(), label: 'ui.staff.nav.units', roles: ['admin'] },
  { href: paths.staff.rules.href(), label: 'ui.staff.nav.rules', roles: ['coordinator', 'admin'] },
  { href: paths.staff.holidays.href(), label: 'ui.staff.nav.holidays', roles: ['coordinator', 'officer', 'unit_lead'] },
  { href: paths.staff.reference.href(), label: 'ui.staff.nav.reference', roles: 'all' },
];
const pagesOf = (role: Role) => STAFF_PAGES.filter((p) => p.roles === 'all' || p.roles.includes(role));
/** A page whose sub-page is also in the nav (a committee's figures and its list) is current on its own path only. */
const hasSubpage = (href: string, pages: { href: string }[]) => pages.some((p) => p.href.startsWith(`${href}/`));

/** /staff: the first page of one's role. */
export function StaffHome() {
  const { state } = useStaffSession();
  if (state.status !== 'signed_in') return null;
  return <Navigate to={pagesOf(state.session.user.role)[0]?.href ?? paths.staff.reference.href()} replace />;
}

/** Staff area shell: every page behind the sign-in. Its nav lists only pages that exist. */
export function StaffLayout() {
  return (
    <StaffSessionProvider>
      <StaffShell />
    </StaffSessionProvider>
  );
}

function StaffShell() {
  const t = useT();
  const { state, signOut } = useStaffSession();
  const alerted = state.status === 'signed_in' && isAlerted(state.session.user.role);
  const pages = state.status === 'signed_in' ? pagesOf(state.session.user.role) : [];
  // One stream per signed-in person: the bell, the queue and the case page follow it.
  useAlertStream(alerted ? state.session.user.username : null);
  return (
    <div className="page page--staff">
      <SkipLink />
      <header className="site-header site-header--staff">
        <div className="container container--wide site-header__top">
          <Brand to={paths.staff.root.href()} subtitle={t('ui.staff.area')} subtitleClass="brand__area" />
          <div className="staff-user">
            {state.status === 'signed_in' && (
              <>
                {alerted && <AlertBell />}
                <Link to={paths.staff.account.href()} className="staff-user__name" title={t('ui.staff.nav.account')}>
                  {state.session.user.displayName}
                </Link>
                <button type="button" className="language-switch" onClick={() => void signOut()}>
                  {t('ui.sign_in.sign_out')}
                </button>
              </>
            )}
            <LanguageSwitch />
          </div>
        </div>
        <nav className="site-nav" aria-label={t('ui.staff.nav')}>
          <ul className="container container--wide site-nav__list">
            {state.status === 'signed_in' &&
              pages.map((page) => (
                <li key={page.href}>
                  <NavLink to={page.href} end={hasSubpage(page.href, pages)} className="site-nav__link">
                    {t(page.label)}
                  </NavLink>
                </li>
              ))}
            <li className="site-nav__end">
              <Link to={paths.home.href()} className="site-nav__link">
                {t('ui.staff.public_site')}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <MainContent>
        {state.status === 'loading' ? <PageLoading /> : state.status === 'signed_out' ? <SignInForm /> : <Outlet />}
      </MainContent>
      <footer className="site-footer">
        <div className="container container--wide">
          <p>{t('ui.footer.about')}</p>
        </div>
      </footer>
    </div>
  );
}
