import { randomUUID } from 'node:crypto';
import { StaffSession, type SessionEndReason } from '../../entities/staff-session.entity.js';
import type { StaffSessions } from '../../gateway/auth/staff-sessions.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

/** Which open sessions to end: one staff member's (but perhaps one), or given ones. */
export type SessionSelection = { staffId: string; except?: string } | { sessionIds: string[] };

/** What announces ended sessions to every instance (StaffSessions). */
export type SessionAnnouncer = Pick<StaffSessions, 'announceEnded'>;

/**
 * Ends open sessions in the scope's transaction; once it commits, every gateway instance
 * refuses their tokens and closes their sockets (4403) within moments. Returns how many ended.
 */
export async function endStaffSessions(scope: OrganizationScope, announcer: SessionAnnouncer, selection: SessionSelection, reason: SessionEndReason): Promise<number> {
  const update = scope.entityManager
    .createQueryBuilder()
    .update(StaffSession)
    .set({ endedAt: () => 'now()', endReason: reason })
    .where('organization_id = :organizationId AND ended_at IS NULL AND expires_at > now()', { organizationId: scope.organizationId });
  if ('staffId' in selection) {
    update.andWhere('staff_id = :staffId', { staffId: selection.staffId });
    if (selection.except) update.andWhere('id <> :except', { except: selection.except });
  } else {
    if (selection.sessionIds.length === 0) return 0;
    update.andWhere('id = ANY(:sessionIds::uuid[])', { sessionIds: selection.sessionIds });
  }
  const result = await update.returning(['id', 'expiresAt']).execute();
  const ended = (result.raw as { id: string; expires_at: Date }[]).map((row) => ({ id: row.id, expiresAt: row.expires_at }));
  if (ended.length > 0) scope.afterCommit(`sessions-ended:${randomUUID()}`, () => announcer.announceEnded(ended));
  return ended.length;
}
