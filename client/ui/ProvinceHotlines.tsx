import type { MessageKey } from '../../shared/i18n/vi';
import { formatPhone } from '../../shared/i18n/format';
import { useT } from '../lib/i18n';
import { useProvinceHotlines } from '../lib/hotlines.api';
import { PhoneIcon } from './PhoneIcon';

/**
 * Issue #17: the duty hotlines of the forces' units of a province, as `tel:` links (the Đồng Tháp plan:
 * "công khai rộng rãi đường dây nóng của các cơ quan chức năng"), shown beside the national 389 numbers.
 * Renders nothing until a province is known, nor when it has none or the request failed: the 389 numbers
 * above speak for it.
 */
export function ProvinceHotlines({
  provinceCode,
  intro,
  headingLevel = 2,
}: {
  provinceCode: string;
  /** A sentence under the heading, e.g. why the receipt shows them. */
  intro?: string;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const hotlines = useProvinceHotlines(provinceCode);
  if (!hotlines.data || hotlines.data.hotlines.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { province, hotlines: lines } = hotlines.data;
  return (
    <section
      className="province-hotlines"
      aria-labelledby={`hotlines-${province.code}`}
      data-testid="province-hotlines"
    >
      <Heading id={`hotlines-${province.code}`}>{t('ui.hotlines.title', { province: province.name })}</Heading>
      {intro && <p className="hint">{intro}</p>}
      <ul className="province-hotlines__list">
        {lines.map((line) => {
          return (
            <li key={`${line.unitName}-${line.phone}`}>
              <span className="province-hotlines__unit">
                <strong>{t(`force.${line.force}` as MessageKey)}</strong>: {line.unitName}
              </span>
              <a className="hotline-link" href={`tel:${line.phone}`}>
                <PhoneIcon />
                <span className="hotline-link__number">{formatPhone(line.phone)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
