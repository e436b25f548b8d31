import { describe, expect, it } from '@jest/globals';
import { createI18n, setLanguage, supportedLanguage } from '../../../../clients/shared/i18n/create-i18n.js';

const resources = {
  en: { translation: { hello: 'Hello {{name}}', unread_one: '{{count}} unread message', unread_other: '{{count}} unread messages', onlyEnglish: 'Only in English' } },
  nl: { translation: { hello: 'Hallo {{name}}', unread_one: '{{count}} ongelezen bericht', unread_other: '{{count}} ongelezen berichten' } },
};

describe('supportedLanguage', () => {
  it('takes the primary subtag of a BCP 47 tag', () => {
    expect(supportedLanguage('nl-NL', ['en', 'nl'])).toBe('nl');
    expect(supportedLanguage('NL-be', ['en', 'nl'])).toBe('nl');
  });

  it('falls back for a language we do not have, or none', () => {
    expect(supportedLanguage('de-DE', ['en', 'nl'])).toBe('en');
    expect(supportedLanguage(undefined, ['en', 'nl'])).toBe('en');
    expect(supportedLanguage('', ['en', 'nl'], 'nl')).toBe('nl');
  });
});

describe('createI18n', () => {
  it('is ready at once, in the language of the tag', () => {
    const i18n = createI18n({ resources, lang: 'nl-NL' });
    expect(i18n.language).toBe('nl');
    expect(i18n.t('hello', { name: 'Anna' })).toBe('Hallo Anna');
  });

  it('does not escape interpolated values (React does)', () => {
    const i18n = createI18n({ resources, lang: 'en' });
    expect(i18n.t('hello', { name: 'Smith & <Sons>' })).toBe('Hello Smith & <Sons>');
  });

  it('chooses plural forms by count', () => {
    const i18n = createI18n({ resources, lang: 'nl' });
    expect(i18n.t('unread', { count: 1 })).toBe('1 ongelezen bericht');
    expect(i18n.t('unread', { count: 3 })).toBe('3 ongelezen berichten');
  });

  it('falls back to English for a missing key and an unknown language', () => {
    expect(createI18n({ resources, lang: 'nl' }).t('onlyEnglish')).toBe('Only in English');
    expect(createI18n({ resources, lang: 'fr' }).t('hello', { name: 'Zoé' })).toBe('Hello Zoé');
  });

  it('switches language with setLanguage', () => {
    const i18n = createI18n({ resources, lang: 'en' });
    setLanguage(i18n, 'nl-BE');
    expect(i18n.t('hello', { name: 'Jan' })).toBe('Hallo Jan');
    setLanguage(i18n, 'xx');
    expect(i18n.language).toBe('en');
  });

  it('keeps two instances apart (widget and dashboard on one page in tests)', () => {
    const dutch = createI18n({ resources, lang: 'nl' });
    const english = createI18n({ resources, lang: 'en' });
    expect(dutch.t('hello', { name: 'A' })).toBe('Hallo A');
    expect(english.t('hello', { name: 'A' })).toBe('Hello A');
  });
});
