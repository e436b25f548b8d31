import { ActorType } from '../../entities/actor-type.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { badUserInput, unauthenticated } from '../../gateway/errors/domain-error.js';
import type { RateLimits } from '../../gateway/rate-limits/rate-limits.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import type { ActorScope } from '../../gateway/tenancy/organization-scope.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import type { SessionAnnouncer } from '../session/session-ending.js';
import { DEACTIVATED_MESSAGE, openStaffSession, type OpenedSession, type SessionClient } from '../session/staff-session.service.js';
import { checkSecondFactor, lockStaffWithSecrets, type SecondFactor } from './second-factor.js';
import { TwoFactorService, type TwoFactorEnrolment } from './two-factor.service.js';

export interface ChallengeDeps {
  database: TenantDatabase;
  tokens: TokenIssuer;
  secrets: SecretBox;
  rateLimits: RateLimits;
  sessions: SessionAnnouncer;
}

/** PostgreSQL's unique_violation: the challenge already opened a session. */
const UNIQUE_VIOLATION = '23505';
const CHALLENGE_USED = 'This sign-in step was completed already. Sign in again.';

/**
 * The second step of a sign-in (a CODE challenge): a code from the authenticator app, or one
 * of the recovery codes, opens the session. A challenge opens one session, once; codes are
 * rate-limited per staff member; each failure is audited.
 */
export async function completeSignIn(command: { challenge: string; factor: SecondFactor; client: SessionClient }, deps: ChallengeDeps): Promise<OpenedSession> {
  const challenge = await deps.tokens.verifySignInChallenge(command.challenge, 'CODE');
  // Wrong codes count: past the limit every attempt waits, right or wrong.
  const limitKey = `staff:${challenge.staffId}`;
  await deps.rateLimits.twoFactorCodes.check(limitKey);
  const outcome = await asChallengedStaff(challenge.organizationId, challenge.staffId, command.client, deps, async (scope) => {
    const staff = await lockStaffWithSecrets(scope, challenge.staffId);
    if (!staff || staff.deactivatedAt) throw unauthenticated(DEACTIVATED_MESSAGE);
    const check = await checkSecondFactor(scope, deps.secrets, staff, command.factor);
    if (!check.ok) return undefined;
    const session = await openStaffSession(scope, deps.tokens, staff, command.client, { challengeId: challenge.challengeId });
    await scope.audit(AuditAction.SIGNED_IN, { type: 'StaffMember', id: staff.id }, { secondFactor: check.recoveryCodesLeft === undefined ? 'code' : 'recovery code' });
    if (check.recoveryCodesLeft !== undefined) await scope.audit(AuditAction.RECOVERY_CODE_USED, { type: 'StaffMember', id: staff.id }, { remaining: check.recoveryCodesLeft });
    return session;
  });
  if (outcome) return outcome;
  await deps.rateLimits.twoFactorCodes.consume(limitKey).catch(() => {});
  await deps.database.asTenant({ organizationId: challenge.organizationId }, (scope) =>
    scope.actingAs({ type: ActorType.STAFF, id: challenge.staffId }, command.client.ip).audit(AuditAction.TWO_FACTOR_FAILED, { type: 'StaffMember', id: challenge.staffId }),
  );
  const field = 'code' in command.factor ? 'code' : 'recoveryCode';
  throw badUserInput(field, field === 'code' ? 'That code is not right. Use the current code from your authenticator app.' : 'That recovery code is not right, or was used already.');
}

/** Enrolment during sign-in (an ENROL challenge: the pharmacy requires two-factor sign-in). */
export async function beginEnrolmentWithChallenge(challengeToken: string, deps: ChallengeDeps): Promise<TwoFactorEnrolment> {
  const challenge = await deps.tokens.verifySignInChallenge(challengeToken, 'ENROL');
  return asChallengedStaff(challenge.organizationId, challenge.staffId, {}, deps, (scope) => twoFactorOf(scope, challenge.staffId, deps).beginEnrolment());
}

/** Confirms that enrolment and finishes the sign-in: the recovery codes (shown once) and the session. */
export async function confirmEnrolmentWithChallenge(
  command: { challenge: string; code: string; client: SessionClient },
  deps: ChallengeDeps,
): Promise<{ recoveryCodes: string[]; session: OpenedSession }> {
  const challenge = await deps.tokens.verifySignInChallenge(command.challenge, 'ENROL');
  return asChallengedStaff(challenge.organizationId, challenge.staffId, command.client, deps, async (scope) => {
    const recoveryCodes = await twoFactorOf(scope, challenge.staffId, deps).confirmEnrolment(command.code);
    const staff = await lockStaffWithSecrets(scope, challenge.staffId);
    if (!staff) throw unauthenticated(DEACTIVATED_MESSAGE);
    const session = await openStaffSession(scope, deps.tokens, staff, command.client, { challengeId: challenge.challengeId });
    await scope.audit(AuditAction.SIGNED_IN, { type: 'StaffMember', id: staff.id }, { secondFactor: 'enrolled' });
    return { recoveryCodes, session };
  });
}

function twoFactorOf(scope: ActorScope, staffId: string, deps: ChallengeDeps): TwoFactorService {
  return new TwoFactorService(scope, staffId, { secrets: deps.secrets, sessions: deps.sessions, rateLimits: deps.rateLimits });
}

/** Work in one transaction as the challenged staff member; a challenge that already opened a session is UNAUTHENTICATED. */
async function asChallengedStaff<T>(organizationId: string, staffId: string, client: SessionClient, deps: ChallengeDeps, work: (scope: ActorScope) => Promise<T>): Promise<T> {
  try {
    return await deps.database.asTenant({ organizationId: organizationId }, (tenant) => tenant.actingAs({ type: ActorType.STAFF, id: staffId }, client.ip).transaction(work));
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION && /challenge/.test(String((error as { constraint?: unknown }).constraint ?? (error as Error).message))) {
      throw unauthenticated(CHALLENGE_USED);
    }
    throw error;
  }
}
