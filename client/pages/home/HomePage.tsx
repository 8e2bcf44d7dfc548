import { useId, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useT } from '../../lib/i18n';
import { useProvinces } from '../../lib/places.api';
import { HotlineLinks } from '../../ui/HotlineLinks';
import { ProvinceHotlines } from '../../ui/ProvinceHotlines';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CategoryList } from './CategoryList';

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
        <ProvincePicker />

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

/**
 * Issue #17: below the first screen, the duty hotlines of the forces of a province the visitor picks
 * (the Đồng Tháp plan: "công khai rộng rãi đường dây nóng của các cơ quan chức năng").
 */
function ProvincePicker() {
  const t = useT();
  const id = useId();
  const provinces = useProvinces();
  const [provinceCode, setProvinceCode] = useState('');
  return (
    <section className="home-hotlines" aria-labelledby="home-hotlines-title">
      <h2 id="home-hotlines-title">{t('ui.hotlines.home_title')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('ui.hotlines.choose')}</label>
        <select id={id} value={provinceCode} onChange={(e) => setProvinceCode(e.target.value)}>
          <option value="">{t('ui.report.choose')}</option>
          {provinces.data?.provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <ProvinceHotlines provinceCode={provinceCode} headingLevel={3} />
    </section>
  );
}
