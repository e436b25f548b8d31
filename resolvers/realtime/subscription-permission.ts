import { assertPermissions } from '../../gateway/auth/auth-checker.js';
import type { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';

/**
 * type-graphql applies `@Authorized` to each event, not to the subscribe call;
 * checking here too means a viewer without access never starts listening.
 */
export function withPermission(context: unknown, permission: Permission): RequestContext {
  const requestContext = context as RequestContext;
  assertPermissions(requestContext.viewer, [permission]);
  return requestContext;
}
