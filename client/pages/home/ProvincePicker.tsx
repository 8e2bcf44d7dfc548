import { useId, useState } from 'react';
import { useT } from '../../lib/i18n';
import { usePublicProvinces } from '../../lib/hotlines.api';
import { ProvinceHotlines } from '../../ui/ProvinceHotlines';

/**
 * Issue #17: below the first screen, the duty hotlines of the forces of a province the visitor picks
 * (the Đồng Tháp plan: "công khai rộng rãi đường dây nóng của các cơ quan chức năng").
 */
export function ProvincePicker() {
  const t = useT();
  const id = useId();
  const provinces = usePublicProvinces();
  const [provinceCode, setProvinceCode] = useState('');
  return (
    <section className="home-hotlines" aria-labelledby="home-hotlines-title">
      <h2 id="home-hotlines-title">{t('ui.hotlines.home_title')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('ui.reference.province_label')}</label>
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
