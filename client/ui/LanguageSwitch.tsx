import { LANGUAGE_NAMES } from '../../shared/i18n/language-names';
import { useI18n } from '../lib/i18n';

/** Offers the other language, named in that language ("English" / "Tiếng Việt"). */
export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="language-switch"
      lang={other}
      aria-label={LANGUAGE_NAMES[other]['ui.language.switch_to']}
      onClick={() => setLang(other)}
    >
      {LANGUAGE_NAMES[other]['ui.language.name']}
    </button>
  );
}
