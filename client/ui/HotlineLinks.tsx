import { NATIONAL_HOTLINES } from '../../shared/domain/places';
import { formatPhone } from '../../shared/i18n/format';
import { useT } from '../lib/i18n';
import { PhoneIcon } from './PhoneIcon';

/** The two national 389 numbers as `tel:` links; `large` is the full-width tap target for phones. */
export function HotlineLinks({ size = 'compact' }: { size?: 'compact' | 'large' }) {
  const t = useT();
  return (
    <ul className={`hotline-links hotline-links--${size}`}>
      {NATIONAL_HOTLINES.map((number) => {
        const display = formatPhone(number);
        return (
          <li key={number}>
            <a className="hotline-link" href={`tel:${number}`} aria-label={t('ui.hotline.call', { number: display })}>
              <PhoneIcon />
              <span className="hotline-link__number">{display}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
