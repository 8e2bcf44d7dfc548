import { Link, NavLink, Outlet } from 'react-router';
import { useT } from '../../lib/i18n';
import { HotlineLinks } from '../../ui/HotlineLinks';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Brand } from '../../ui/Brand';
import { MainContent } from '../../ui/MainContent';
import { SkipLink } from '../../ui/SkipLink';
import { paths } from '../paths';

export function PublicLayout() {
  const t = useT();
  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <div className="container site-header__top">
          <Brand to={paths.home.href()} subtitle={t('ui.app.tagline')} subtitleClass="brand__tagline" />
          <LanguageSwitch />
        </div>
        <div className="container hotline-bar">
          <span className="hotline-bar__label">{t('ui.hotline.label')}</span>
          <HotlineLinks />
        </div>
        <nav className="site-nav" aria-label={t('ui.nav.main')}>
          <ul className="container site-nav__list">
            <li>
              <NavLink to={paths.home.href()} end className="site-nav__link">
                {t('ui.nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.report.href()} className="site-nav__link">
                {t('ui.nav.report')}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.track.href()} className="site-nav__link">
                {t('ui.nav.track')}
              </NavLink>
            </li>
            <li>
              <NavLink to={paths.stats.href()} className="site-nav__link">
                {t('ui.nav.stats')}
              </NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <MainContent>
        <Outlet />
      </MainContent>
      <footer className="site-footer">
        <div className="container">
          <p>{t('ui.footer.about')}</p>
          <p>{t('ui.footer.privacy')}</p>
          <p>
            <Link to={paths.stats.href()}>{t('ui.footer.stats')}</Link>
          </p>
          <p>
            <Link to={paths.staff.reference.href()}>{t('ui.footer.staff')}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
