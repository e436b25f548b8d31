import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The first GraphQL error's code and field, for forms and the identify result. */
export function errorDetails(error: unknown): { code?: string; field?: string; message?: string } {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return { code: first?.extensions?.code as string | undefined, field: first?.extensions?.field as string | undefined, message: first?.message };
  }
  return {};
}
