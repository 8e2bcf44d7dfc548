import type { Province } from '../../shared/api/places';
import { useT } from '../lib/i18n';

/** A labelled province picker whose empty choice is the whole country (the statistics pages' scope). */
export function ProvinceSelect({
  id,
  value,
  provinces,
  onChange,
}: {
  id: string;
  value: string | undefined;
  provinces: Province[];
  onChange: (code: string | undefined) => void;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t('field.province')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t('ui.stats.whole_country')}</option>
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
