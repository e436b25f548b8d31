import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { Translate } from '../../i18n/dashboard-keys.js';

/** A label form's error in the viewer's language, by its code and field (the server's sentences are English). */
export function labelErrorText(error: unknown, t: Translate): string | null {
  if (!error) return null;
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const code = first?.extensions?.code;
  const field = String(first?.extensions?.field ?? '');
  if (code === 'CONFLICT') return t('labelNameTaken');
  if (code === 'BAD_USER_INPUT' && field.endsWith('colour')) return t('labelColourInvalid');
  if (code === 'BAD_USER_INPUT' && field.endsWith('name')) return t('labelNameInvalid');
  return t('labelNotSaved');
}
