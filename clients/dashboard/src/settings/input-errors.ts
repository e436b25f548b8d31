import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * BAD_USER_INPUT errors by the field they name (`extensions.field`, e.g. "retentionDays" or
 * "input.retentionDays"), for messages next to the field; anything else under `form`.
 */
export function inputErrors(error: unknown): Record<string, string> {
  if (!error) return {};
  if (!CombinedGraphQLErrors.is(error)) return { form: 'Could not save: the server could not be reached. Try again.' };
  const byField: Record<string, string> = {};
  for (const e of error.errors) {
    const field = e.extensions?.code === 'BAD_USER_INPUT' && typeof e.extensions.field === 'string' ? e.extensions.field.split('.').pop()! : 'form';
    byField[field] ??= e.message;
  }
  return byField;
}

/** A short sentence for an error from any operation. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.message ?? 'Something went wrong.';
  return 'The server could not be reached. Try again.';
}
