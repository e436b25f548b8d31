import { SessionEndReason, type StaffSession } from '../../entities/staff-session.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { notFound } from '../../gateway/errors/domain-error.js';
import type { AuditingScope } from '../../gateway/tenancy/organization-scope.js';
import { assertId } from '../../gateway/tenancy/tenant-scope.js';
import { endStaffSessions, type SessionAnnouncer } from './session-ending.js';

/** Who is asking: a signed-in staff member, and the session their token names. */
export interface SessionOwner {
  staffId: string;
  sessionId: string;
}

/**
 * A staff member's own sessions: list them, end one, end all the others ("sign out
 * everywhere" keeps the session it is done from: that one ends with "Sign out"), sign out.
 */
export class MySessionsService {
  constructor(
    private readonly scope: AuditingScope,
    private readonly owner: SessionOwner,
    private readonly announcer: SessionAnnouncer,
  ) {}

  /** Open sessions, most recently used first. */
  list(): Promise<StaffSession[]> {
    return this.scope
      .staffSessions('session')
      .andWhere('session.staffId = :staffId AND session.endedAt IS NULL AND session.expiresAt > now()', { staffId: this.owner.staffId })
      .orderBy('session.lastSeenAt', 'DESC')
      .addOrderBy('session.id', 'DESC')
      .getMany();
  }

  /** Ends one of one's own sessions (another's is NOT_FOUND, like a missing one). */
  async end(sessionId: string): Promise<boolean> {
    assertId(sessionId, 'id');
    return this.scope.transaction(async (scope) => {
      const own = await scope.staffSessions('session').andWhere('session.id = :id AND session.staffId = :staffId', { id: sessionId, staffId: this.owner.staffId }).getExists();
      if (!own) throw notFound('Session');
      const reason = sessionId === this.owner.sessionId ? SessionEndReason.SIGNED_OUT : SessionEndReason.ENDED_BY_OWNER;
      const ended = await endStaffSessions(scope, this.announcer, { sessionIds: [sessionId] }, reason);
      if (ended > 0) await this.audit(scope, reason, ended);
      return true;
    });
  }

  /** Every other session; returns how many ended. */
  async endOthers(): Promise<number> {
    return this.scope.transaction(async (scope) => {
      const ended = await endStaffSessions(scope, this.announcer, { staffId: this.owner.staffId, except: this.owner.sessionId }, SessionEndReason.ENDED_BY_OWNER);
      await this.audit(scope, SessionEndReason.ENDED_BY_OWNER, ended);
      return ended;
    });
  }

  signOut(): Promise<boolean> {
    return this.end(this.owner.sessionId);
  }

  private audit(scope: AuditingScope, reason: SessionEndReason, sessions: number): Promise<void> {
    const action = reason === SessionEndReason.SIGNED_OUT ? AuditAction.SIGNED_OUT : AuditAction.SESSION_ENDED;
    return scope.audit(action, { type: 'StaffMember', id: this.owner.staffId }, reason === SessionEndReason.SIGNED_OUT ? undefined : { reason, sessions });
  }
}
