import { randomUUID } from 'node:crypto';
import type { SessionEndReason } from '../../entities/staff-session.entity.js';
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
  if ('sessionIds' in selection && selection.sessionIds.length === 0) return 0;
  const which =
    'staffId' in selection
      ? { sql: 'staff_id = $3 AND ($4::uuid IS NULL OR id <> $4::uuid)', parameters: [selection.staffId, selection.except ?? null] }
      : { sql: 'id = ANY($3::uuid[])', parameters: [selection.sessionIds] };
  const rows = await scope.query<{ id: string; expires_at: Date }>(
    `UPDATE staff_session SET ended_at = now(), end_reason = $2
      WHERE organization_id = $1 AND ended_at IS NULL AND expires_at > now() AND ${which.sql}
      RETURNING id, expires_at`,
    [reason, ...which.parameters],
  );
  const ended = rows.map((row) => ({ id: row.id, expiresAt: row.expires_at }));
  if (ended.length > 0) scope.afterCommit(`sessions-ended:${randomUUID()}`, () => announcer.announceEnded(ended));
  return ended.length;
}
