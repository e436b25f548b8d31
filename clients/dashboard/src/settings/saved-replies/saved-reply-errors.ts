import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { Translate } from '../../i18n/dashboard-i18n.js';

/** A saved reply's save failure in the viewer's language, by the field it concerns (or `form`). */
export function savedReplyErrors(error: unknown, t: Translate): Record<string, string> {
  if (!error) return {};
  if (!CombinedGraphQLErrors.is(error)) return { form: t('savedReplyNotSavedOffline') };
  const first = error.errors[0];
  const code = first?.extensions?.code;
  if (code === 'CONFLICT') return { shortcut: t('savedReplyShortcutTaken') };
  if (code === 'FORBIDDEN') return { form: t('savedReplyAdminsOnly') };
  if (code === 'BAD_USER_INPUT') {
    const unknown = first?.extensions?.unknownPlaceholders;
    if (Array.isArray(unknown)) return { body: t('savedReplyUnknownPlaceholders', { names: unknown.map((name) => `{{${name}}}`).join(', ') }) };
    const field = String(first?.extensions?.field ?? '').replace(/^input\./, '');
    if (field === 'shortcut') return { shortcut: t('savedReplyShortcutRule') };
    if (field === 'title') return { title: t('savedReplyTitleRule') };
    if (field === 'body') return { body: t('savedReplyBodyRule') };
  }
  return { form: t('savedReplyNotSaved') };
}
