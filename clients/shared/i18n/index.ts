export { createI18n, setLanguage, supportedLanguage, type I18nOptions } from './create-i18n.js';
export { createFormatter, type DateInput, type FormatOptions, type Formatter } from './format.js';
