import { Link, NavLink, Outlet } from 'react-router';
import { useT } from '../../lib/i18n';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Brand } from '../../ui/Brand';
import { MainContent } from '../../ui/MainContent';
import { SkipLink } from '../../ui/SkipLink';
import { paths } from '../paths';

/** Staff area shell. Its nav lists only pages that exist; later issues add theirs here. */
export function StaffLayout() {
  const t = useT();
  return (
    <div className="page page--staff">
      <SkipLink />
      <header className="site-header site-header--staff">
        <div className="container container--wide site-header__top">
          <Brand to={paths.staff.reference.href()} subtitle={t('ui.staff.area')} subtitleClass="brand__area" />
          <LanguageSwitch />
        </div>
        <nav className="site-nav" aria-label={t('ui.staff.nav')}>
          <ul className="container container--wide site-nav__list">
            <li>
              <NavLink to={paths.staff.reference.href()} className="site-nav__link">
                {t('ui.staff.nav.reference')}
              </NavLink>
            </li>
            <li className="site-nav__end">
              <Link to={paths.home.href()} className="site-nav__link">
                {t('ui.staff.public_site')}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <MainContent>
        <Outlet />
      </MainContent>
      <footer className="site-footer">
        <div className="container container--wide">
          <p>{t('ui.footer.about')}</p>
        </div>
      </footer>
    </div>
  );
}
