import type { JobSpec } from '../../gateway/jobs/enqueue-job.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

export const AWAY_CUSTOMER_CHECK_TASK = 'counterchat:away-customer-check';

/** An away-customer check's payload (JSON in the queue). */
export interface AwayCustomerCheckPayload {
  v: 1;
  organizationId: string;
  conversationId: string;
}

/** The shortest delay a pharmacy can set: the first check comes then and waits longer if the setting says so. */
const FIRST_CHECK_AFTER_MS = 60_000;

/** One pending check per conversation, whichever instance or message added it. */
export const awayCustomerJobKey = (conversationId: string) => `away-customer:${conversationId}`;

/**
 * A staff or partner reply was written in `scope`'s transaction: check in a minute whether
 * the customer read it (the check waits for the pharmacy's delay). A pending check keeps its
 * time, so later replies don't push it back; it commits or rolls back with the reply.
 */
export function scheduleAwayCustomerCheck(scope: OrganizationScope, conversationId: string, runAt?: Date): Promise<void> {
  return scope.enqueueJob(awayCustomerCheck(scope.organizationId, conversationId, runAt));
}

/** The check as a job, for a caller that adds it to a statement of its own (a reply's read position). */
export function awayCustomerCheck(organizationId: string, conversationId: string, runAt?: Date): JobSpec<AwayCustomerCheckPayload> {
  return {
    task: AWAY_CUSTOMER_CHECK_TASK,
    payload: { v: 1, organizationId, conversationId },
    runAt: runAt ?? new Date(Date.now() + FIRST_CHECK_AFTER_MS),
    jobKey: awayCustomerJobKey(conversationId),
    keepPendingRunAt: true,
  };
}
