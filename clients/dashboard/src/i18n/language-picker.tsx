import { useTranslation } from 'react-i18next';
import { chooseLanguage, DASHBOARD_LANGUAGES, useStrings } from './dashboard-i18n.js';

// Each language named in itself, so someone who can't read the current one still finds theirs.
const NAMES: Record<(typeof DASHBOARD_LANGUAGES)[number], string> = { en: 'English', nl: 'Nederlands' };

/** The dashboard's language on this browser; it applies at once. */
export function LanguagePicker() {
  const { i18n } = useTranslation();
  const t = useStrings();
  return (
    <label className="field">
      <span>{t('language')}</span>
      <select value={i18n.language} onChange={(event) => chooseLanguage(i18n, event.target.value)}>
        {DASHBOARD_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NAMES[language]}
          </option>
        ))}
      </select>
      <span className="field-help">{t('languageHelp')}</span>
    </label>
  );
}
