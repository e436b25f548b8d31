import type { DataSource } from 'typeorm';
import { withTenant } from './tenant-context.js';
import { endedStaffSessionsSince } from './tenant-lookups.js';

/** What the sessions' in-memory state (gateway/auth/staff-sessions.ts) reads and writes. */
export interface StaffSessionStore {
  /** Sessions of every pharmacy ended since `since` whose tokens haven't expired: ids and expiry only. */
  endedSince(since: Date): Promise<{ id: string; expiresAt: Date }[]>;
  /** Marks sessions of one pharmacy as seen (never moving a later time back), as that tenant: one statement. */
  touch(organizationId: string, seen: { id: string; seenAt: Date }[]): Promise<void>;
}

export function staffSessionStoreOver(dataSource: DataSource): StaffSessionStore {
  return {
    endedSince: (since) => endedStaffSessionsSince(dataSource, since),
    async touch(organizationId, seen) {
      await withTenant({ organizationId }, () =>
        dataSource.query(
          `UPDATE staff_session s SET last_seen_at = greatest(s.last_seen_at, v.seen_at)
             FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, seen_at)
            WHERE s.id = v.id AND s.organization_id = $3`,
          [seen.map((entry) => entry.id), seen.map((entry) => entry.seenAt), organizationId],
        ),
      );
    },
  };
}
