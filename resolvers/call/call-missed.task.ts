import { ActorType } from '../../entities/actor-type.js';
import { CallState } from '../../entities/call.entity.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import { ThreadService } from '../thread/thread.service.js';
import { finishCall, lockedCall } from './call-lifecycle.js';

export const CALL_MISSED_TASK = 'counterchat:call-missed';

/** The ring timeout's job (JSON in the queue). */
export interface CallMissedPayload {
  v: 1;
  organizationId: string;
  callId: string;
}

/**
 * A call starting in `scope`'s transaction: in `ringTimeoutMs`, if the customer still hasn't
 * joined, it becomes MISSED. A queued job rather than a timer, so a restart or another
 * instance keeps the promise; it commits or rolls back with the call.
 */
export function scheduleCallMissed(scope: OrganizationScope, callId: string, ringTimeoutMs: number): Promise<void> {
  return scope.enqueueJob<CallMissedPayload>({
    task: CALL_MISSED_TASK,
    payload: { v: 1, organizationId: scope.organizationId, callId },
    runAt: new Date(Date.now() + ringTimeoutMs),
    jobKey: `call-missed:${callId}`,
  });
}

/**
 * Marks a call nobody answered as MISSED, with its SYSTEM message, in the name of the staff
 * member who started it (a SYSTEM message records who caused it). A call answered, declined
 * or ended in the meantime is left alone.
 */
export function callMissedTask(deps: { database: TenantDatabase; realtime: RealtimePublisher }): JobTask<CallMissedPayload> {
  return async (payload) => {
    if (payload.v !== 1) throw new Error(`call-missed payload version ${String(payload.v)} is unknown to this instance`);
    await deps.database.asTenant({ organizationId: payload.organizationId }, async (pharmacy) => {
      const call = await pharmacy.calls('call').andWhere('call.id = :id', { id: payload.callId }).getOne();
      if (!call || (call.state !== CallState.RINGING && call.state !== CallState.WAITING)) return;
      const starter = await pharmacy.staff('staff').andWhere('staff.id = :id', { id: call.startedById }).getOne();
      if (!starter) return;
      const scope = deps.database.scopeFor({ kind: 'staff', organizationId: payload.organizationId, staffId: starter.id, role: starter.role });
      const thread = new ThreadService(scope, deps.realtime);
      await scope.transaction(async (tx) => {
        const locked = await lockedCall(tx, thread, call.id);
        if (locked.call.state !== CallState.RINGING && locked.call.state !== CallState.WAITING) return;
        await finishCall(tx, { thread, realtime: deps.realtime }, locked.conversation, locked.call, CallState.MISSED, { type: ActorType.STAFF, id: starter.id });
      });
    });
  };
}
