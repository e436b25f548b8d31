import { SessionEndReason } from '../../entities/staff-session.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { hashPassword, verifyPassword } from '../../gateway/auth/password.js';
import { passwordProblem } from '../../gateway/auth/password-policy.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { RateLimits } from '../../gateway/rate-limits/rate-limits.js';
import type { AuditingScope } from '../../gateway/tenancy/organization-scope.js';
import { endStaffSessions, type SessionAnnouncer } from '../session/session-ending.js';
import type { SessionOwner } from '../session/my-sessions.service.js';

export interface ChangePasswordCommand {
  currentPassword: string;
  newPassword: string;
}

/** A staff member's own name and password. */
export class AccountService {
  constructor(
    private readonly scope: AuditingScope,
    private readonly owner: SessionOwner,
    private readonly deps: { sessions: SessionAnnouncer; rateLimits: RateLimits },
  ) {}

  async updateProfile(name: string): Promise<StaffUser> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) throw badUserInput('name', 'Give a name of 1 to 100 characters.');
    return this.scope.transaction(async (scope) => {
      const staff = await this.me(scope);
      if (staff.name === trimmed) return staff;
      staff.name = trimmed;
      await scope.update(StaffUser, { id: staff.id }, { name: trimmed });
      await scope.audit(AuditAction.PROFILE_UPDATED, { type: 'StaffMember', id: staff.id });
      return staff;
    });
  }

  /**
   * Needs the current password (wrong ones rate-limited per staff member); the new one must pass the
   * password rules. Every other session ends: whoever knew the old password is signed out.
   */
  async changePassword(command: ChangePasswordCommand): Promise<boolean> {
    // Wrong current passwords count: past the limit every attempt waits.
    const limitKey = `staff:${this.owner.staffId}`;
    await this.deps.rateLimits.passwordChecks.check(limitKey);
    const changed = await this.scope.transaction(async (scope) => {
      const staff = await this.me(scope, { withPassword: true });
      if (!(await verifyPassword(command.currentPassword, staff.passwordHash))) return false;
      const problem = passwordProblem(command.newPassword, { email: staff.email });
      if (problem) throw badUserInput('newPassword', problem);
      await scope.update(StaffUser, { id: staff.id }, { passwordHash: await hashPassword(command.newPassword) });
      const ended = await endStaffSessions(scope, this.deps.sessions, { staffId: staff.id, except: this.owner.sessionId }, SessionEndReason.PASSWORD_CHANGED);
      await scope.audit(AuditAction.PASSWORD_CHANGED, { type: 'StaffMember', id: staff.id }, { sessionsEnded: ended });
      return true;
    });
    if (changed) return true;
    await this.deps.rateLimits.passwordChecks.consume(limitKey).catch(() => {});
    throw badUserInput('currentPassword', 'Your current password is not right.');
  }

  private me(scope: AuditingScope, options: { withPassword?: boolean } = {}): Promise<StaffUser> {
    const query = scope.staff('staff').andWhere('staff.id = :id', { id: this.owner.staffId }).setLock('pessimistic_write');
    if (options.withPassword) query.addSelect('staff.passwordHash');
    return query.getOneOrFail();
  }
}
