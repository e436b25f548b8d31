import { StaffSession } from '../../entities/staff-session.entity.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { unauthenticated } from '../../gateway/errors/domain-error.js';
import { staffTokenExpiry, type IssuedToken, type TokenIssuer } from '../../gateway/auth/token-issuer.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

/** Where a sign-in came from, as the sessions list shows it. */
export interface SessionClient {
  userAgent?: string;
  ip?: string;
}

/** A new session and the token that carries it. */
export interface OpenedSession extends IssuedToken {
  sessionId: string;
  staff: StaffUser;
}

export const DEACTIVATED_MESSAGE = "This account has been deactivated. Ask your pharmacy's admin if you need it again.";

/** Longest user agent kept: enough to tell browsers and devices apart. */
const USER_AGENT_LIMIT = 512;

/**
 * Opens a session for `staff` in the scope's transaction: its row (what "your sessions" lists
 * and what ending a session marks), then a token naming it. `challengeId` is the two-factor
 * challenge that led here: a challenge opens one session, once (a unique column).
 */
export async function openStaffSession(
  scope: OrganizationScope,
  tokens: TokenIssuer,
  staff: StaffUser,
  client: SessionClient,
  options: { challengeId?: string } = {},
): Promise<OpenedSession> {
  // Held until commit: a deactivation (which takes the row for update) can't slip in between.
  const current = await scope.staff('staff').andWhere('staff.id = :id', { id: staff.id }).setLock('pessimistic_read').getOne();
  if (!current || current.deactivatedAt) throw unauthenticated(DEACTIVATED_MESSAGE);
  const expiresAt = staffTokenExpiry();
  const session = await scope.insert(StaffSession, {
    staffId: staff.id,
    userAgent: client.userAgent?.slice(0, USER_AGENT_LIMIT) || null,
    ip: client.ip ?? null,
    lastSeenAt: new Date(),
    expiresAt,
    endedAt: null,
    endReason: null,
    challengeId: options.challengeId ?? null,
  });
  const issued = await tokens.issueStaffToken({ organizationId: staff.organizationId, staffId: staff.id, role: staff.role, sessionId: session.id }, expiresAt);
  return { ...issued, sessionId: session.id, staff };
}
