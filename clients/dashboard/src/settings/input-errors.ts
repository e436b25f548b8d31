import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * BAD_USER_INPUT errors by the input field they name (`extensions.field`: "retentionDays",
 * "input.retentionDays" or "businessHours.0.closes" all count for their top-level field),
 * for messages next to the field; anything else under `form`.
 */
export function inputErrors(error: unknown): Record<string, string> {
  if (!error) return {};
  if (!CombinedGraphQLErrors.is(error)) return { form: 'Could not save: the server could not be reached. Try again.' };
  const byField: Record<string, string> = {};
  for (const e of error.errors) {
    const field = e.extensions?.code === 'BAD_USER_INPUT' && typeof e.extensions.field === 'string' ? topLevelField(e.extensions.field) : 'form';
    byField[field] ??= e.message;
  }
  return byField;
}

/** A short sentence for an error from any operation. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? 'Something went wrong.';
  return 'The server could not be reached. Try again.';
}

function topLevelField(path: string): string {
  const segments = path.split('.');
  return (segments[0] === 'input' ? segments[1] : segments[0]) || 'form';
}
