import { randomUUID } from 'node:crypto';
import { ActorType } from '../../entities/actor-type.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import type { IssuedToken, SignInChallengeKind, TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { unauthenticated } from '../../gateway/errors/domain-error.js';
import type { AuditingScope } from '../../gateway/tenancy/organization-scope.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import { DEACTIVATED_MESSAGE, openStaffSession, type OpenedSession, type SessionClient } from '../session/staff-session.service.js';

/** A second step the sign-in still needs, and the short-lived token that carries it. */
export interface IssuedChallenge extends IssuedToken {
  kind: SignInChallengeKind;
}

/** How a sign-in ends: a session, or a challenge for its second step (never both). */
export interface SignInOutcome {
  staff: StaffUser;
  session?: OpenedSession;
  challenge?: IssuedChallenge;
}

export interface SignInCompletionDeps {
  database: TenantDatabase;
  tokens: TokenIssuer;
}

/**
 * What follows a proof of the password (signing in, accepting an invitation, resetting the
 * password), in the caller's transaction: a second step when the account has two-factor
 * sign-in (CODE) or the pharmacy requires it and the account has none yet (ENROL); otherwise a
 * session, its token, and SIGNED_IN in the audit log.
 */
export async function signInOutcome(scope: AuditingScope, tokens: TokenIssuer, staff: StaffUser, client: SessionClient): Promise<SignInOutcome> {
  if (staff.deactivatedAt) throw unauthenticated(DEACTIVATED_MESSAGE);
  const kind: SignInChallengeKind | undefined = staff.totpEnabledAt ? 'CODE' : (await scope.organization()).settings.requireTwoFactor ? 'ENROL' : undefined;
  if (kind) {
    const issued = await tokens.issueSignInChallenge({ organizationId: staff.organizationId, staffId: staff.id, kind, challengeId: randomUUID() });
    return { staff, challenge: { ...issued, kind } };
  }
  const session = await openStaffSession(scope, tokens, staff, client);
  await scope.audit(AuditAction.SIGNED_IN, { type: 'StaffMember', id: staff.id });
  return { staff, session };
}

/** signIn's last step, once the password was right. */
export async function completePasswordSignIn(staff: StaffUser, deps: SignInCompletionDeps, client: SessionClient): Promise<SignInOutcome> {
  return deps.database.asTenant({ organizationId: staff.organizationId }, (tenant) =>
    tenant.actingAs({ type: ActorType.STAFF, id: staff.id }, client.ip).transaction((scope) => signInOutcome(scope, deps.tokens, staff, client)),
  );
}
