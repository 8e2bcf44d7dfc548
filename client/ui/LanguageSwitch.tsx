import { t as translate } from '../../shared/i18n/translate';
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
      aria-label={translate(other, 'ui.language.switch_to')}
      onClick={() => setLang(other)}
    >
      {translate(other, 'ui.language.name')}
    </button>
  );
}
