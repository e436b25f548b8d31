import type { TenantDatabase } from './tenant-database.js';

/** What the sessions' in-memory state (gateway/auth/staff-sessions.ts) reads and writes. */
export interface StaffSessionStore {
  /** Sessions of every pharmacy ended since `since` whose tokens haven't expired: ids and expiry only. */
  endedSince(since: Date): Promise<{ id: string; expiresAt: Date }[]>;
  /** Marks sessions of one pharmacy as seen (never moving a later time back), as that tenant: one statement. */
  touch(organizationId: string, seen: { id: string; seenAt: Date }[]): Promise<void>;
}

export function staffSessionStoreOver(database: TenantDatabase): StaffSessionStore {
  return {
    endedSince: (since) => database.lookups.endedStaffSessionsSince(since),
    async touch(organizationId, seen) {
      await database.asTenant({ organizationId }, (scope) =>
        scope.execute(
          `UPDATE staff_session s SET last_seen_at = greatest(s.last_seen_at, v.seen_at)
             FROM unnest($2::uuid[], $3::timestamptz[]) AS v(id, seen_at)
            WHERE s.id = v.id AND s.organization_id = $1`,
          [seen.map((entry) => entry.id), seen.map((entry) => entry.seenAt)],
        ),
      );
    },
  };
}
