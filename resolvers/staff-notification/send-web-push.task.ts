import {
  NotificationChannel,
  NotificationRecipientKind,
  NotificationStatus,
  type NotificationLogEntry,
} from '../../entities/notification-log-entry.entity.js';
import { StaffPushSubscription } from '../../entities/staff-push-subscription.entity.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import { logger } from '../../gateway/logging/logger.js';
import { recordNotification, updateNotification } from '../../gateway/notifications/notification-log.js';
import type { WebPushSender } from '../../gateway/notifications/web-push-sender.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

export const SEND_WEB_PUSH_TASK = 'counterchat:send-web-push';

/** One push to one browser. */
export interface SendWebPushPayload {
  v: 1;
  organizationId: string;
  subscriptionId: string;
  conversationId: string;
  messageId: string;
}

/**
 * What a push carries: ids and the pharmacy's name, never the message, the customer or
 * anything medical (the push service and the lock screen are outside the pharmacy).
 */
export interface StaffPushMessage {
  type: 'customer-message';
  conversationId: string;
  messageId: string;
  pharmacy: string;
}

/** A push that fails this often (the service down, 429s) is given up; 404/410 end it at once. */
export const PUSH_MAX_ATTEMPTS = 5;

/**
 * Sends one push and records it in the notification log, once: the log entry's key
 * (`push:<subscription>:<message>`) is claimed first, so a job that already sent (another
 * instance, a run before a restart) sends nothing; a failed attempt leaves the claim QUEUED
 * for the retry. A subscription the push service no longer knows (404, 410) is deleted.
 */
export function sendWebPushTask(deps: { webPush: WebPushSender }): JobTask<SendWebPushPayload> {
  return async (payload, run) => {
    if (payload.v !== 1) throw new Error(`send-web-push payload version ${String(payload.v)} is unknown to this instance`);
    await run.asTenant(payload.organizationId, async (scope) => {
      const subscription = await scope.staffPushSubscriptions('subscription').andWhere('subscription.id = :id', { id: payload.subscriptionId }).getOne();
      if (!subscription) return;
      const entry = await claimLogEntry(scope, subscription, payload);
      if (!entry) return;
      const organization = await scope.organization();
      const message: StaffPushMessage = { type: 'customer-message', conversationId: payload.conversationId, messageId: payload.messageId, pharmacy: organization.name };
      const outcome = await deps.webPush.send(subscription, message);
      const fields = { subscriptionId: subscription.id, attempt: run.attempt };
      if (outcome.kind === 'gone') {
        await scope.delete(StaffPushSubscription, { id: subscription.id });
        await updateNotification(scope, entry.id, { status: NotificationStatus.FAILED, reason: `The push service answered ${outcome.status || 'nothing over https'}: the browser's subscription was removed.` });
        logger.info({ ...fields, status: outcome.status }, 'A push subscription is gone; removed');
        return;
      }
      if (outcome.kind === 'failed') {
        const last = run.attempt >= run.maxAttempts;
        if (last) await updateNotification(scope, entry.id, { status: NotificationStatus.FAILED, reason: outcome.reason });
        logger.warn({ ...fields, reason: outcome.reason }, last ? 'A push could not be sent; no more attempts' : 'A push could not be sent; it is tried again later');
        throw new Error(`Push to subscription ${subscription.id} not sent: ${outcome.reason}`);
      }
      await scope.update(StaffPushSubscription, { id: subscription.id }, { lastSentAt: new Date() });
      await updateNotification(scope, entry.id, { status: NotificationStatus.SENT });
    });
  };
}

/** This push's log entry, claimed now or left QUEUED by an earlier attempt; null once it has an outcome. */
async function claimLogEntry(scope: OrganizationScope, subscription: StaffPushSubscription, payload: SendWebPushPayload): Promise<NotificationLogEntry | null> {
  const dedupeKey = `push:${subscription.id}:${payload.messageId}`;
  const claimed = await recordNotification(scope, {
    recipientKind: NotificationRecipientKind.STAFF,
    recipientId: subscription.staffId,
    channel: NotificationChannel.PUSH,
    conversationId: payload.conversationId,
    dedupeKey,
  });
  if (claimed) return claimed;
  const earlier = await scope.notificationLog('entry').andWhere('entry.dedupeKey = :dedupeKey', { dedupeKey }).getOne();
  return earlier?.status === NotificationStatus.QUEUED ? earlier : null;
}
