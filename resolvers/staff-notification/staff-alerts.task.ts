import { notificationSettingsOf } from '../../entities/organization-settings.js';
import { wantsConversation, type NotifiedConversations } from '../../entities/staff-notification-preference.entity.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import { PUSH_MAX_ATTEMPTS, SEND_WEB_PUSH_TASK, type SendWebPushPayload } from './send-web-push.task.js';
import { scheduleStaffDigest } from './staff-digest.task.js';

export const STAFF_ALERTS_TASK = 'counterchat:staff-alerts';

/** A customer wrote: who among the staff hears of it (push now, digest later) is decided when the job runs. */
export interface StaffAlertsPayload {
  v: 1;
  organizationId: string;
  conversationId: string;
  messageId: string;
}

/** Queues what the staff hear of a customer's new message, in the send's transaction. */
export function queueStaffAlerts(tx: OrganizationScope, message: { id: string; conversationId: string }): Promise<void> {
  return tx.enqueueJob<StaffAlertsPayload>({
    task: STAFF_ALERTS_TASK,
    payload: { v: 1, organizationId: tx.organizationId, conversationId: message.conversationId, messageId: message.id },
    maxAttempts: PUSH_MAX_ATTEMPTS,
  });
}

/**
 * Schedules the e-mail digest's check (when the pharmacy turned it on) and fans a customer
 * message out into one job per browser of every active staff member who
 * turned push on and wants this conversation (assigned to them, unassigned, or all), so a
 * browser that fails is retried alone and the others get exactly one push.
 */
export function staffAlertsTask(): JobTask<StaffAlertsPayload> {
  return async (payload, run) => {
    if (payload.v !== 1) throw new Error(`staff-alerts payload version ${String(payload.v)} is unknown to this instance`);
    await run.asTenant(payload.organizationId, (scope) =>
      scope.transaction(async (tx) => {
        const conversation = await tx.conversations('conversation').andWhere('conversation.id = :id', { id: payload.conversationId }).getOne();
        if (!conversation) return;
        await scheduleStaffDigest(tx, conversation.id, payload.messageId, notificationSettingsOf((await tx.organization()).settings));
        const recipients = await tx.query<{ subscription_id: string; staff_id: string; conversations: NotifiedConversations }>(
          `SELECT subscription.id AS subscription_id, subscription.staff_id, preference.conversations
             FROM push_subscription subscription
             JOIN staff_notification_preference preference ON preference.staff_id = subscription.staff_id AND preference.push
             JOIN staff_user staff ON staff.id = subscription.staff_id AND staff.deactivated_at IS NULL
            WHERE subscription.organization_id = $1`,
        );
        for (const recipient of recipients) {
          if (!wantsConversation({ staffId: recipient.staff_id, conversations: recipient.conversations }, conversation.assigneeId)) continue;
          await tx.enqueueJob<SendWebPushPayload>({
            task: SEND_WEB_PUSH_TASK,
            payload: { v: 1, organizationId: payload.organizationId, subscriptionId: recipient.subscription_id, conversationId: payload.conversationId, messageId: payload.messageId },
            jobKey: `web-push:${recipient.subscription_id}:${payload.messageId}`,
            maxAttempts: PUSH_MAX_ATTEMPTS,
          });
        }
      }),
    );
  };
}

