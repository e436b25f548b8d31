import { MailTemplate } from '../../entities/mail-delivery.entity.js';
import { PasswordReset } from '../../entities/password-reset.entity.js';
import { SessionEndReason } from '../../entities/staff-session.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { ActorType } from '../../entities/actor-type.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { hashPassword } from '../../gateway/auth/password.js';
import { passwordProblem } from '../../gateway/auth/password-policy.js';
import { generateSingleUseToken, hashSingleUseToken, looksLikeSingleUseToken } from '../../gateway/auth/single-use-token.js';
import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { badUserInput, unauthenticated } from '../../gateway/errors/domain-error.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import { queueMail } from '../../gateway/mail/queue-mail.js';
import type { RateLimits } from '../../gateway/rate-limits/rate-limits.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import { endStaffSessions, type SessionAnnouncer } from '../session/session-ending.js';
import type { SessionClient } from '../session/staff-session.service.js';
import { signInOutcome, type SignInOutcome } from '../auth/sign-in-completion.js';

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;
export const PASSWORD_RESET_REQUEST_TASK = 'counterchat:password-reset-request';

/** The job a request becomes: the address is looked up there, never while the requester waits. */
export interface PasswordResetRequestPayload {
  v: 1;
  email: string;
  ip: string | null;
}

/** The dashboard page that sets the new password; the token goes in the fragment. */
export const resetPasswordLink = (publicUrl: string, token: string) => `${publicUrl}/dashboard/reset-password#token=${token}`;

/**
 * "Forgot password?": answers the same, in the same time, for any address. The request does
 * the same two things whatever the address (a per-IP limit, then a job in the queue); the job
 * finds out whether it belongs to an active staff member and only then sends a link. Past
 * the per-address limit the request still answers alike but queues nothing, so nobody can
 * flood a pharmacist's inbox.
 */
export async function requestPasswordReset(email: string, deps: { database: TenantDatabase; rateLimits: RateLimits }, clientIp: string | undefined): Promise<boolean> {
  await deps.rateLimits.passwordResets.consume(`ip:${clientIp ?? 'unknown'}`);
  const address = email.trim().toLowerCase();
  if (!address || address.length > 254) return true;
  const withinLimit = await deps.rateLimits.passwordResetEmails.consume(`email:${address}`).then(
    () => true,
    () => false,
  );
  if (withinLimit) {
    await deps.database.enqueueJob<PasswordResetRequestPayload>({
      task: PASSWORD_RESET_REQUEST_TASK,
      payload: { v: 1, email: address, ip: clientIp ?? null },
      // A second request while the first waits adds nothing.
      jobKey: `password-reset-request:${address}`,
      maxAttempts: 5,
    });
  }
  return true;
}

/** The job: a link for an active staff member's address, nothing for any other. */
export function passwordResetRequestTask(deps: { database: TenantDatabase; secrets: SecretBox; publicUrl: string }): JobTask<PasswordResetRequestPayload> {
  return async (payload) => {
    if (payload.v !== 1) throw new Error(`password-reset-request payload version ${String(payload.v)} is unknown to this instance`);
    const organizationId = await deps.database.lookups.tenantOfStaffEmail(payload.email);
    if (!organizationId) return;
    await deps.database.asTenant({ organizationId: organizationId }, (tenant) =>
      tenant.transaction(async (scope) => {
        const staff = await scope.staff('staff').andWhere('staff.email = :email AND staff.deactivatedAt IS NULL', { email: payload.email }).getOne();
        if (!staff) return;
        const { token, hash } = generateSingleUseToken();
        await scope.insert(PasswordReset, {
          staffId: staff.id,
          tokenHash: hash,
          expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS),
          usedAt: null,
          requestedIp: payload.ip,
        });
        const organization = await scope.organization();
        await queueMail(scope, deps.secrets, {
          template: MailTemplate.PASSWORD_RESET,
          to: staff.email,
          data: { pharmacyName: organization.name, staffName: staff.name, minutesValid: PASSWORD_RESET_TTL_MS / 60_000 },
          link: resetPasswordLink(deps.publicUrl, token),
          key: `password-reset:${staff.id}`,
        });
        await scope.actingAs(null, payload.ip ?? undefined).audit(AuditAction.PASSWORD_RESET_REQUESTED, { type: 'StaffMember', id: staff.id });
      }),
    );
  };
}

export interface ResetPasswordCommand {
  token: string;
  password: string;
  client: SessionClient;
}

const INVALID = 'This reset link is not valid. Ask for a new one on the sign-in page.';

/**
 * Sets a new password with a reset link (once, within 30 minutes), ends every session of the
 * account, and signs in anew (through the second step when the account or pharmacy has one).
 * UNAUTHENTICATED for an unknown, used or expired link.
 */
export async function resetPassword(
  command: ResetPasswordCommand,
  deps: { database: TenantDatabase; tokens: TokenIssuer; rateLimits: RateLimits; sessions: SessionAnnouncer },
): Promise<SignInOutcome> {
  await deps.rateLimits.signIns.consume(`ip:${command.client.ip ?? 'unknown'}`);
  if (!looksLikeSingleUseToken(command.token)) throw unauthenticated(INVALID);
  const tokenHash = hashSingleUseToken(command.token);
  const organizationId = await deps.database.lookups.tenantOfPasswordReset(tokenHash);
  if (!organizationId) throw unauthenticated(INVALID);
  return deps.database.asTenant({ organizationId: organizationId }, (tenant) =>
    tenant.actingAs(null, command.client.ip).transaction(async (scope) => {
      const reset = await scope.passwordResets('reset').andWhere('reset.tokenHash = :tokenHash', { tokenHash }).setLock('pessimistic_write').getOne();
      if (!reset) throw unauthenticated(INVALID);
      if (reset.usedAt) throw unauthenticated('This reset link has been used already. Ask for a new one if you need it.');
      if (reset.expiresAt.getTime() <= Date.now()) throw unauthenticated('This reset link has expired (they work for 30 minutes). Ask for a new one.');
      const staff = await scope.staff('staff').andWhere('staff.id = :id', { id: reset.staffId }).getOneOrFail();
      const problem = passwordProblem(command.password, { email: staff.email });
      if (problem) throw badUserInput('password', problem);
      await scope.update(PasswordReset, { id: reset.id }, { usedAt: new Date() });
      await scope.update(StaffUser, { id: staff.id }, { passwordHash: await hashPassword(command.password) });
      const ended = await endStaffSessions(scope, deps.sessions, { staffId: staff.id }, SessionEndReason.PASSWORD_RESET);
      const asStaff = scope.actingAs({ type: ActorType.STAFF, id: staff.id });
      await asStaff.audit(AuditAction.PASSWORD_RESET, { type: 'StaffMember', id: staff.id }, { sessionsEnded: ended });
      // Two-factor sign-in still applies: the reset proves the mailbox, not the second factor.
      return signInOutcome(asStaff, deps.tokens, staff, command.client);
    }),
  );
}
