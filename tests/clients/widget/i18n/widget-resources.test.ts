import { describe, expect, it } from '@jest/globals';
import { launcherStringsFor } from '../../../../clients/widget/src/i18n/launcher-strings.js';
import { createWidgetI18n, widgetResources } from '../../../../clients/widget/src/i18n/widget-resources.js';

describe('widget strings', () => {
  it('has every English key in Dutch, and no empty text', () => {
    const english = Object.keys(widgetResources.en.translation).sort();
    expect(Object.keys(widgetResources.nl.translation).sort()).toEqual(english);
    for (const language of Object.values(widgetResources)) for (const text of Object.values(language.translation)) expect(text.trim()).not.toBe('');
  });

  it('follows the store page language', () => {
    expect(createWidgetI18n('nl-NL').t('send')).toBe('Versturen');
    expect(createWidgetI18n('de').t('send')).toBe('Send');
    expect(createWidgetI18n('nl').t('unread', { count: 2 })).toBe('2 ongelezen');
  });

  it('gives the loader its strings without i18next', () => {
    expect(launcherStringsFor('nl-BE')).toMatchObject({ openChat: 'Chat openen', closeChat: 'Chat sluiten' });
    expect(launcherStringsFor('nl').unread(3)).toBe('3 ongelezen');
    expect(launcherStringsFor(undefined).unread(1)).toBe('1 unread');
  });
});
