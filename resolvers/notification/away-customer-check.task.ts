import { ActorType } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import { MessageKind } from '../../entities/message.entity.js';
import { NotificationChannel, NotificationRecipientKind, NotificationStatus } from '../../entities/notification-log-entry.entity.js';
import { notificationSettingsOf } from '../../entities/organization-settings.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import { jobTimeFor, type Clock } from '../../gateway/notifications/clock.js';
import { recordNotification } from '../../gateway/notifications/notification-log.js';
import type { PresenceRegistry } from '../../gateway/presence/presence-registry.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import { nextOpeningAt } from '../widget/business-hours.js';
import { scheduleAwayCustomerCheck, type AwayCustomerCheckPayload } from './away-customer-schedule.js';
import { contactChoiceFor } from './customer-contact.js';
import { SEND_CUSTOMER_NOTIFICATION_TASK, type SendCustomerNotificationPayload } from './customer-notification-send.task.js';
import { createNotificationLink } from './notification-link.service.js';

export interface AwayCustomerDependencies {
  clock: Clock;
  /** Who has a live socket; without it (the operator's CLI) the check is left to a gateway. */
  presence: PresenceRegistry | undefined;
  secrets: SecretBox;
  publicUrl: string;
}

/** Attempts at sending one notification: exponential backoff makes that some six hours. */
const SEND_MAX_ATTEMPTS = 10;
const MINUTE_MS = 60_000;

/** `away:<conversation>:<newest reply sequence>`: one notification per batch of replies, claimed once. */
const dedupeKeyOf = (conversationId: string, throughSequence: number) => `away:${conversationId}:${throughSequence}`;
const notifiedThroughOf = (dedupeKey: string | null) => Number(dedupeKey?.split(':')[2] ?? 0);

/**
 * Decides whether the customer of a conversation gets a notification now (issue 18):
 * staff or partner replies they haven't read for the pharmacy's delay, no live widget, within
 * business hours (unless the pharmacy turned holding off), and none sent for these replies
 * in the window. The decision and its claim (a notification log row with a unique key,
 * under the conversation's row lock) commit together with the send job, so two instances,
 * retries or a restart can't notify twice. Whatever isn't due yet is checked again later.
 */
export function awayCustomerCheckTask(deps: AwayCustomerDependencies): JobTask<AwayCustomerCheckPayload> {
  return async (payload, run) => {
    if (payload.v !== 1) throw new Error(`away-customer-check payload version ${String(payload.v)} is unknown to this instance`);
    await run.asTenant(payload.organizationId, (pharmacy) => pharmacy.transaction((tx) => checkConversation(tx, payload.conversationId, deps)));
  };
}

async function checkConversation(tx: OrganizationScope, conversationId: string, deps: AwayCustomerDependencies): Promise<void> {
  const conversation = await tx.conversations('conversation').setLock('pessimistic_write').andWhere('conversation.id = :id', { id: conversationId }).getOne();
  if (!conversation) return;
  const readThrough = await customerReadPosition(tx, conversation);
  // Ids, sequences and times only: the text of a message never comes near a notification.
  const unread = await tx
    .messages('message')
    .select(['message.id', 'message.sequence', 'message.createdAt'])
    .andWhere('message.conversationId = :id', { id: conversation.id })
    .andWhere('message.sequence > :readThrough', { readThrough })
    .andWhere('message.kind = :kind', { kind: MessageKind.TEXT })
    .andWhere('message.senderType IN (:...senders)', { senders: [ActorType.STAFF, ActorType.PARTNER] })
    .andWhere('message.deletedAt IS NULL')
    .orderBy('message.sequence', 'ASC')
    .getMany();
  // Read already (or nothing to read): nothing to send, nothing to cancel.
  if (unread.length === 0) return;

  const organization = await tx.organization();
  const settings = notificationSettingsOf(organization.settings);
  const now = deps.clock.now();
  const later = (at: Date) => scheduleAwayCustomerCheck(tx, conversation.id, jobTimeFor(deps.clock, at));

  const due = new Date(unread[0]!.createdAt.getTime() + settings.customerNotificationDelayMinutes * MINUTE_MS);
  if (now < due) return later(due);

  if (!deps.presence) return later(new Date(now.getTime() + MINUTE_MS));
  const online = await deps.presence.online(tx.organizationId);
  if (online.some((actor) => actor.type === ActorType.CUSTOMER && actor.id === conversation.customerId)) {
    // The widget is open: they see it there. Look again after another delay, in case they leave.
    return later(new Date(now.getTime() + settings.customerNotificationDelayMinutes * MINUTE_MS));
  }

  const newest = unread[unread.length - 1]!.sequence;
  const last = await tx
    .notificationLog('entry')
    .andWhere('entry.conversationId = :id', { id: conversation.id })
    .andWhere('entry.recipientKind = :kind', { kind: NotificationRecipientKind.CUSTOMER })
    .andWhere('entry.status IN (:...statuses)', { statuses: [NotificationStatus.QUEUED, NotificationStatus.SENT] })
    .orderBy('entry.createdAt', 'DESC')
    .getOne();
  if (last && notifiedThroughOf(last.dedupeKey) > readThrough) {
    // Notified about replies they haven't read yet: more replies wait for the window to end.
    if (newest <= notifiedThroughOf(last.dedupeKey)) return;
    const windowEnds = new Date(last.createdAt.getTime() + settings.customerNotificationWindowHours * 60 * MINUTE_MS);
    if (now < windowEnds) return later(windowEnds);
  }

  if (settings.holdNotificationsAtNight) {
    const opening = nextOpeningAt(organization.settings.businessHours ?? [], organization.settings.timeZone, now);
    if (opening && opening > now) return later(opening);
  }

  const customer = await tx.customers('customer').andWhere('customer.id = :id', { id: conversation.customerId }).getOne();
  if (!customer) return;
  const choice = contactChoiceFor(customer);
  if (choice.kind === 'none') return;
  const entry = await recordNotification(tx, {
    recipientKind: NotificationRecipientKind.CUSTOMER,
    recipientId: customer.id,
    channel: choice.channel,
    address: choice.address,
    conversationId: conversation.id,
    status: choice.kind === 'send' ? NotificationStatus.QUEUED : NotificationStatus.OPTED_OUT,
    reason: choice.kind === 'send' ? null : choice.channel === NotificationChannel.EMAIL ? 'Unsubscribed from e-mail' : 'Answered STOP to SMS',
    dedupeKey: dedupeKeyOf(conversation.id, newest),
    at: now,
  });
  // Claimed already (another instance, an earlier attempt), or nothing to send.
  if (!entry || choice.kind !== 'send') return;
  const link = await createNotificationLink(tx, { customerId: customer.id, conversationId: conversation.id }, deps.publicUrl);
  await tx.enqueueJob<SendCustomerNotificationPayload>({
    task: SEND_CUSTOMER_NOTIFICATION_TASK,
    payload: { v: 1, organizationId: tx.organizationId, entryId: entry.id, sealedLink: deps.secrets.seal(link) },
    maxAttempts: SEND_MAX_ATTEMPTS,
  });
}

async function customerReadPosition(tx: OrganizationScope, conversation: Conversation): Promise<number> {
  const participant = await tx
    .participants('participant')
    .andWhere('participant.conversationId = :id', { id: conversation.id })
    .andWhere('participant.actorType = :type AND participant.actorId = :customerId', { type: ActorType.CUSTOMER, customerId: conversation.customerId })
    .getOne();
  return participant?.lastReadSequence ?? 0;
}
