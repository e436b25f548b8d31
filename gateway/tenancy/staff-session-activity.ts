import type { DataSource } from 'typeorm';
import { withTenant } from './tenant-context.js';

/** Marks sessions of one pharmacy as seen (never moving a later time back), as that tenant: one statement. */
export async function touchStaffSessions(dataSource: DataSource, organizationId: string, seen: { id: string; seenAt: Date }[]): Promise<void> {
  await withTenant({ organizationId }, () =>
    dataSource.query(
      `UPDATE staff_session s SET last_seen_at = greatest(s.last_seen_at, v.seen_at)
         FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, seen_at)
        WHERE s.id = v.id AND s.organization_id = $3`,
      [seen.map((entry) => entry.id), seen.map((entry) => entry.seenAt), organizationId],
    ),
  );
}
