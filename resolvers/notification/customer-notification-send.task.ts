import { ActorType } from '../../entities/actor-type.js';
import { Customer } from '../../entities/customer.entity.js';
import { MessageKind } from '../../entities/message.entity.js';
import { NotificationChannel, NotificationStatus, type NotificationLogEntry } from '../../entities/notification-log-entry.entity.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import { logger } from '../../gateway/logging/logger.js';
import { mailLanguageOf } from '../../gateway/mail/mail-language.js';
import type { Mailer } from '../../gateway/mail/mailer.js';
import { describeFailure } from '../../gateway/mail/send-mail-task.js';
import { customerReplyMail, customerReplySms } from '../../gateway/mail/templates/customer-reply.js';
import { updateNotification } from '../../gateway/notifications/notification-log.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import { SmsRecipientOptedOut, type SmsSender } from '../../gateway/sms/sms-sender.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import { mayNotify } from './customer-contact.js';
import { NOTIFICATION_LINK_HOURS } from './notification-link.service.js';
import { unsubscribeUrlFor } from './customer-opt-out.service.js';

export const SEND_CUSTOMER_NOTIFICATION_TASK = 'counterchat:send-customer-notification';

/** A send job's payload (JSON in the queue). */
export interface SendCustomerNotificationPayload {
  v: 1;
  organizationId: string;
  /** The notification log entry (QUEUED) this job sends. */
  entryId: string;
  /** The chat link, sealed (SecretBox): it signs the customer in, and the queue is a table like any other. */
  sealedLink: string;
}

export interface CustomerNotificationSenders {
  mailer: Mailer;
  sms: SmsSender;
  secrets: SecretBox;
  publicUrl: string;
}

/**
 * Sends one claimed customer notification (an e-mail with one-click unsubscribe headers, or
 * a text) and records the outcome on its log entry. Just before sending it looks again:
 * read meanwhile → CANCELLED; unsubscribed meanwhile → OPTED_OUT. A failed send is retried
 * with backoff and FAILED after the last attempt. An entry no longer QUEUED is left alone,
 * so a retry never sends twice what went out.
 */
export function sendCustomerNotificationTask(deps: CustomerNotificationSenders): JobTask<SendCustomerNotificationPayload> {
  return async (payload, run) => {
    if (payload.v !== 1) throw new Error(`send-customer-notification payload version ${String(payload.v)} is unknown to this instance`);
    await run.asTenant(payload.organizationId, async (pharmacy) => {
      const entry = await pharmacy.notificationLog('entry').andWhere('entry.id = :id', { id: payload.entryId }).getOne();
      if (!entry || entry.status !== NotificationStatus.QUEUED) return;
      const settle = (status: NotificationStatus, reason: string | null = null) => updateNotification(pharmacy, entry.id, { status, reason });
      const customer = await pharmacy.customers('customer').andWhere('customer.id = :id', { id: entry.recipientId }).getOne();
      if (!customer) return void (await settle(NotificationStatus.CANCELLED, 'The customer was removed'));
      if (!(await stillUnread(pharmacy, entry, customer.id))) return void (await settle(NotificationStatus.CANCELLED, 'Read before it was sent'));
      const channel = entry.channel as NotificationChannel.EMAIL | NotificationChannel.SMS;
      if (!mayNotify(customer, channel)) return void (await settle(NotificationStatus.OPTED_OUT, 'Unsubscribed before it was sent'));

      const organization = await pharmacy.organization();
      const language = mailLanguageOf(organization.settings);
      const link = deps.secrets.open(payload.sealedLink);
      try {
        if (channel === NotificationChannel.EMAIL) {
          const unsubscribe = unsubscribeUrlFor(deps.secrets, deps.publicUrl, { organizationId: pharmacy.organizationId, customerId: customer.id, channel });
          const mail = customerReplyMail({ pharmacyName: organization.name, hoursValid: NOTIFICATION_LINK_HOURS }, link, unsubscribe, language);
          await deps.mailer.send({
            to: customer.email!,
            ...mail,
            // RFC 8058: mail programs offer "Unsubscribe" and POST `List-Unsubscribe=One-Click` to the URL.
            headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          });
        } else {
          await deps.sms.send({ to: customer.phone!, body: customerReplySms({ pharmacyName: organization.name }, link, language) });
        }
      } catch (error) {
        const reason = describeFailure(error);
        if (error instanceof SmsRecipientOptedOut) {
          await pharmacy.update(Customer, { id: customer.id }, { smsOptedOutAt: new Date() });
          return void (await settle(NotificationStatus.OPTED_OUT, reason));
        }
        const fields = { entryId: entry.id, channel, attempt: run.attempt, reason };
        if (run.attempt >= run.maxAttempts) {
          logger.error(fields, 'A customer notification could not be sent; no more attempts');
          return void (await settle(NotificationStatus.FAILED, reason));
        }
        logger.warn(fields, 'A customer notification could not be sent; it is tried again later');
        throw new Error(`Notification ${entry.id} not sent: ${reason}`);
      }
      await settle(NotificationStatus.SENT);
    });
  };
}

/** Whether a staff or partner reply in the entry's conversation is still unread by the customer. */
async function stillUnread(pharmacy: OrganizationScope, entry: NotificationLogEntry, customerId: string): Promise<boolean> {
  if (!entry.conversationId) return true;
  const [row] = await pharmacy.query<{ unread: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM message m
        WHERE m.organization_id = $1 AND m.conversation_id = $2 AND m.kind = $4 AND m.deleted_at IS NULL
          AND m.sender_type IN ('STAFF', 'PARTNER')
          AND m.sequence > coalesce((SELECT p.last_read_sequence FROM participant p
                                      WHERE p.conversation_id = $2 AND p.actor_type = $5 AND p.actor_id = $3), 0)
     ) AS unread`,
    [entry.conversationId, customerId, MessageKind.TEXT, ActorType.CUSTOMER],
  );
  return Boolean(row?.unread);
}
