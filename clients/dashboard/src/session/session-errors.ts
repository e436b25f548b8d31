import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The server's own sentence for an error (they are written for people), or a word about the connection. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    if (first?.extensions?.code === 'RATE_LIMITED') return 'Too many attempts. Wait a minute and try again.';
    return first?.message ?? 'Something went wrong.';
  }
  return 'Could not reach Counterchat. Check the connection and try again.';
}

/** The message of a BAD_USER_INPUT error for `field`, if that is what the error is. */
export function fieldError(error: unknown, field: string): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const found = error.errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.field === field);
  return found?.message ?? null;
}
