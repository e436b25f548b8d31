import { ActorType } from '../../entities/actor-type.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import type { AsTenant } from '../../gateway/tenancy/as-tenant.js';
import { openStaffSession, type OpenedSession, type SessionClient } from '../session/staff-session.service.js';

export interface SignInCompletionDeps {
  asTenant: AsTenant;
  tokens: TokenIssuer;
}

/**
 * What follows a right password: a session, its token, and SIGNED_IN in the audit log (in one
 * transaction: no token without its session row).
 */
export async function completePasswordSignIn(staff: StaffUser, deps: SignInCompletionDeps, client: SessionClient): Promise<OpenedSession> {
  return deps.asTenant(staff.organizationId, (tenant) =>
    tenant.actingAs({ type: ActorType.STAFF, id: staff.id }, client.ip).transaction(async (scope) => {
      const opened = await openStaffSession(scope, deps.tokens, staff, client);
      await scope.audit(AuditAction.SIGNED_IN, { type: 'StaffMember', id: staff.id });
      return opened;
    }),
  );
}
