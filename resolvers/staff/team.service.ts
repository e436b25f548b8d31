import { SessionEndReason } from '../../entities/staff-session.entity.js';
import { StaffRole, StaffUser } from '../../entities/staff-user.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { conflict } from '../../gateway/errors/domain-error.js';
import type { AuditingScope, OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import { endStaffSessions, type SessionAnnouncer } from '../session/session-ending.js';

export interface TeamServiceDeps {
  sessions: SessionAnnouncer;
  /** The admin acting: they can't deactivate themselves. */
  actingStaffId: string | null;
}

const LAST_ADMIN = 'The pharmacy needs at least one active admin: make someone else an admin first.';

/**
 * Roles and who may sign in. A change of role or a deactivation ends the member's sessions at
 * once (their token carries the old role, and a former colleague must lose access now, not in
 * 12 hours). The last active admin can be neither demoted nor deactivated: the active admins
 * are locked first, so two admins demoting each other at once can't both succeed.
 */
export class TeamService {
  constructor(
    private readonly scope: AuditingScope,
    private readonly deps: TeamServiceDeps,
  ) {}

  /** Everyone, by name; deactivated staff ("former staff") only when asked for. */
  list(options: { includeDeactivated?: boolean } = {}): Promise<StaffUser[]> {
    const query = this.scope.staff('staff').orderBy('staff.name').addOrderBy('staff.id');
    if (!options.includeDeactivated) query.andWhere('staff.deactivatedAt IS NULL');
    return query.getMany();
  }

  async setRole(staffId: string, role: StaffRole): Promise<StaffUser> {
    return this.scope.transaction(async (scope) => {
      const admins = await this.lockActiveAdmins(scope);
      const member = await this.lockMember(scope, staffId);
      if (member.role === role) return member;
      if (member.role === StaffRole.ADMIN && !member.deactivatedAt && admins.length <= 1) throw conflict(LAST_ADMIN);
      const from = member.role;
      member.role = role;
      await scope.update(StaffUser, { id: member.id }, { role });
      await endStaffSessions(scope, this.deps.sessions, { staffId: member.id }, SessionEndReason.ROLE_CHANGED);
      await scope.audit(AuditAction.STAFF_ROLE_CHANGED, { type: 'StaffMember', id: member.id }, { from, to: role });
      return member;
    });
  }

  async deactivate(staffId: string): Promise<StaffUser> {
    return this.scope.transaction(async (scope) => {
      const admins = await this.lockActiveAdmins(scope);
      const member = await this.lockMember(scope, staffId);
      if (member.deactivatedAt) return member;
      if (member.id === this.deps.actingStaffId) throw conflict("You can't deactivate your own account; ask another admin.");
      if (member.role === StaffRole.ADMIN && admins.length <= 1) throw conflict(LAST_ADMIN);
      member.deactivatedAt = new Date();
      await scope.update(StaffUser, { id: member.id }, { deactivatedAt: member.deactivatedAt });
      await endStaffSessions(scope, this.deps.sessions, { staffId: member.id }, SessionEndReason.DEACTIVATED);
      await scope.audit(AuditAction.STAFF_DEACTIVATED, { type: 'StaffMember', id: member.id });
      return member;
    });
  }

  async reactivate(staffId: string): Promise<StaffUser> {
    return this.scope.transaction(async (scope) => {
      const member = await this.lockMember(scope, staffId);
      if (!member.deactivatedAt) return member;
      member.deactivatedAt = null;
      await scope.update(StaffUser, { id: member.id }, { deactivatedAt: null });
      await scope.audit(AuditAction.STAFF_REACTIVATED, { type: 'StaffMember', id: member.id });
      return member;
    });
  }

  /** Ends every session of a member (an admin's "sign out everywhere" for them). */
  async endSessions(staffId: string): Promise<StaffUser> {
    return this.scope.transaction(async (scope) => {
      const member = await scope.findOne(scope.staff('staff'), staffId, 'staffId', 'Staff member');
      const ended = await endStaffSessions(scope, this.deps.sessions, { staffId: member.id }, SessionEndReason.ENDED_BY_ADMIN);
      await scope.audit(AuditAction.SESSION_ENDED, { type: 'StaffMember', id: member.id }, { reason: SessionEndReason.ENDED_BY_ADMIN, sessions: ended });
      return member;
    });
  }

  private lockActiveAdmins(scope: OrganizationScope): Promise<StaffUser[]> {
    return scope.staff('staff').andWhere('staff.role = :admin AND staff.deactivatedAt IS NULL', { admin: StaffRole.ADMIN }).orderBy('staff.id').setLock('pessimistic_write').getMany();
  }

  private lockMember(scope: OrganizationScope, staffId: string): Promise<StaffUser> {
    return scope.findOne(scope.staff('staff').setLock('pessimistic_write'), staffId, 'id', 'Staff member');
  }
}
