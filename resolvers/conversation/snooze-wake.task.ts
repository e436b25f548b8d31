import type { StaffRole } from '../../entities/staff-user.entity.js';
import type { StaffViewer } from '../../gateway/auth/viewer.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import { jobTimeFor, type Clock } from '../../gateway/notifications/clock.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import { ThreadService } from '../thread/thread.service.js';

export const SNOOZE_WAKE_TASK = 'counterchat:snooze-wake';

/** A snoozed thread's wake-up (JSON in the queue): done on behalf of whoever snoozed it. */
export interface SnoozeWakePayload {
  v: 1;
  organizationId: string;
  conversationId: string;
  staffId: string;
  role: StaffRole;
}

/** One pending wake-up per conversation: snoozing again moves it (graphile-worker's `job_key`). */
export const snoozeJobKey = (conversationId: string) => `snooze:${conversationId}`;

/** Wakes the conversation at `runAt`, in `scope`'s transaction (it commits or rolls back with the snooze). */
export function scheduleSnoozeWake(scope: OrganizationScope, snoozer: Pick<StaffViewer, 'staffId' | 'role'>, conversationId: string, runAt: Date): Promise<void> {
  return scope.enqueueJob<SnoozeWakePayload>({
    task: SNOOZE_WAKE_TASK,
    payload: { v: 1, organizationId: scope.organizationId, conversationId, staffId: snoozer.staffId, role: snoozer.role },
    runAt,
    jobKey: snoozeJobKey(conversationId),
  });
}

export interface SnoozeWakeDependencies {
  database: TenantDatabase;
  realtime: RealtimePublisher;
  clock: Clock;
}

/**
 * Brings a snoozed thread back to Open when its time has come (issue 19), with the SYSTEM
 * message and inbox event a staff member's unsnooze has. A thread no longer snoozed (a
 * customer wrote, staff unsnoozed or resolved it) is left alone; one snoozed for later again
 * waits for that time: the decision is taken on the clock, never on the job's own time.
 */
export function snoozeWakeTask(deps: SnoozeWakeDependencies): JobTask<SnoozeWakePayload> {
  return async (payload, run) => {
    if (payload.v !== 1) throw new Error(`snooze-wake payload version ${String(payload.v)} is unknown to this instance`);
    const snoozer: StaffViewer = { kind: 'staff', organizationId: payload.organizationId, staffId: payload.staffId, role: payload.role };
    await run.asTenant(payload.organizationId, async () => {
      const scope = deps.database.scopeFor(snoozer);
      const thread = new ThreadService(scope, deps.realtime);
      await scope.transaction(async (tx) => {
        const conversation = await tx.conversations('conversation').setLock('pessimistic_write').andWhere('conversation.id = :id', { id: payload.conversationId }).getOne();
        if (!conversation?.snoozedUntil) return;
        if (conversation.snoozedUntil > deps.clock.now()) return scheduleSnoozeWake(tx, snoozer, conversation.id, jobTimeFor(deps.clock, conversation.snoozedUntil));
        await thread.unsnooze(tx, conversation, { wakeUp: true });
      });
    });
  };
}
