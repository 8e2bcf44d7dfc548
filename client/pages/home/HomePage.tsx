import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useT } from '../../lib/i18n';
import { HotlineLinks } from '../../ui/HotlineLinks';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CategoryList } from './CategoryList';
import { QuietBoundary } from '../../ui/QuietBoundary';

/** Issue #17: below the first screen, loaded after it (the province list and the hotlines come with it). */
const ProvincePicker = lazy(() => import('./ProvincePicker').then((m) => ({ default: m.ProvincePicker })));

const ANONYMITY_POINTS = [
  'ui.home.anonymity.no_identity',
  'ui.home.anonymity.no_ip',
  'ui.home.anonymity.photos',
  'ui.home.anonymity.receipt',
  'ui.home.anonymity.contact',
] as const;

export function HomePage() {
  const t = useT();
  useDocumentTitle();
  return (
    <>
      <section className="home-hero" aria-labelledby="home-title">
        <div className="container home-hero__grid">
          <div>
            <h1 id="home-title">{t('ui.home.title')}</h1>
            <p className="lead">{t('ui.home.intro')}</p>
            <p>
              <Link to={paths.report.href()} className="button button--primary button--large">
                {t('ui.home.report_button')}
              </Link>
            </p>
            <p className="hint">{t('ui.home.report_hint')}</p>
            <p>
              <Link to={paths.track.href()} className="button button--secondary">
                {t('ui.home.track_button')}
              </Link>
            </p>
          </div>
          <section className="call-box" aria-labelledby="call-title">
            <h2 id="call-title">{t('ui.home.call_title')}</h2>
            <HotlineLinks size="large" />
            <p className="call-box__emergency">{t('ui.home.emergency')}</p>
          </section>
        </div>
      </section>

      <div className="container home-sections">
        <QuietBoundary>
          <Suspense fallback={null}>
            <ProvincePicker />
          </Suspense>
        </QuietBoundary>

        <section aria-labelledby="categories-title">
          <h2 id="categories-title">{t('ui.home.categories_title')}</h2>
          <CategoryList />
        </section>

        <section aria-labelledby="anonymity-title">
          <h2 id="anonymity-title">{t('ui.home.anonymity_title')}</h2>
          <ul className="check-list">
            {ANONYMITY_POINTS.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="handling-title">
          <h2 id="handling-title">{t('ui.home.handling_title')}</h2>
          <ul className="plain-list">
            <li>{t('ui.home.handling.lead')}</li>
            <li>{t('ui.home.handling.deadlines')}</li>
          </ul>
          <p>
            <Link to={paths.stats.href()} className="standalone-link">
              {t('ui.home.stats_link')}
            </Link>
          </p>
        </section>
      </div>
    </>
  );
}
