import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, toLanguage, type Language } from '../../i18n';
import '../../styles/language.css';

/**
 * The language menu: switches at once; the detector remembers the choice in localStorage,
 * and `<html lang>` follows (see src/i18n). Each language is named in its own script.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <select
        data-testid="language"
        aria-label={t('language')}
        value={toLanguage(i18n.resolvedLanguage ?? i18n.language)}
        onChange={(e) => void i18n.changeLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
