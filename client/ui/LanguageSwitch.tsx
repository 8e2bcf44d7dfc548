import { LANGUAGE_NAMES } from '../../shared/i18n/language-names';
import { useI18n } from '../lib/i18n';

/**
 * Offers the other language, named in that language ("English" / "Tiếng Việt"). If its texts could not be
 * downloaded the page stays as it is and says so beside the button, which can be pressed again.
 */
export function LanguageSwitch() {
  const { lang, setLang, failed, t } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <>
      <button
        type="button"
        className="language-switch"
        lang={other}
        aria-label={LANGUAGE_NAMES[other]['ui.language.switch_to']}
        onClick={() => setLang(other)}
      >
        {LANGUAGE_NAMES[other]['ui.language.name']}
      </button>
      <span role="status" className={failed === other ? 'hint' : 'visually-hidden'}>
        {failed === other ? t('ui.language.switch_failed') : ''}
      </span>
    </>
  );
}
