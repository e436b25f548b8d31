import { randomUUID } from 'node:crypto';
import { ActorType } from '../../entities/actor-type.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import type { AuditEntry } from '../../gateway/audit/audit-log.js';
import { unknownUserPasswordHash, verifyPassword } from '../../gateway/auth/password.js';
import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { unauthenticated } from '../../gateway/errors/domain-error.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import type { RateLimits } from '../../gateway/rate-limits/rate-limits.js';
import type { SessionClient } from '../session/staff-session.service.js';
import { completePasswordSignIn, type SignInOutcome } from './sign-in-completion.js';

const FAILURE_DELAY_MS = 500;

/** Staff sign-in. Unknown email and wrong password look exactly alike, in words and in time. */
export async function signInStaff(
  email: string,
  password: string,
  deps: { database: TenantDatabase; tokens: TokenIssuer; rateLimits: RateLimits },
  client: SessionClient,
): Promise<SignInOutcome> {
  const clientIp = client.ip;
  const address = email.trim().toLowerCase();
  const ip = clientIp ?? 'unknown';
  await deps.rateLimits.signIns.consume(`ip:${ip}`);
  // Counted per address whether or not it has an account, so the throttle reveals nothing either.
  await deps.rateLimits.signInThrottle.beforeAttempt(address, ip);
  // An unknown address still reads a staff row (as a pharmacy that doesn't exist), so both take as long.
  const tenant = { organizationId: (await deps.database.lookups.tenantOfStaffEmail(address)) ?? randomUUID() };
  return deps.database.asTenant(tenant, async (pharmacy) => {
    const staff = await pharmacy.staff('staff').addSelect('staff.passwordHash').andWhere('staff.email = :email', { email: address }).getOne();
    const matches = await verifyPassword(password, staff?.passwordHash ?? unknownUserPasswordHash);
    if (!staff || !matches) {
      await deps.rateLimits.signInThrottle.failed(address, ip).catch(() => {});
      // Only a real account has an organization whose admins can read about it.
      if (staff) await pharmacy.appendAudit([signInEntry(staff, AuditAction.SIGN_IN_FAILED, clientIp)]);
      // A failure costs a guesser half a second more than a success costs a pharmacist.
      await new Promise((resolve) => setTimeout(resolve, FAILURE_DELAY_MS));
      throw unauthenticated('Email or password is incorrect.');
    }
    await deps.rateLimits.signInThrottle.succeeded(address, ip).catch(() => {});
    // A session (or the second step of two-factor sign-in), and SIGNED_IN: sign-in-completion.ts.
    return completePasswordSignIn(staff, deps, client);
  });
}

function signInEntry(staff: StaffUser, action: AuditAction, clientIp: string | undefined): AuditEntry {
  return { actor: { type: ActorType.STAFF, id: staff.id }, action, object: { type: 'StaffMember', id: staff.id }, ip: clientIp };
}
