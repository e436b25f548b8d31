import type { ActorRef } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Organization } from '../../entities/organization.entity.js';
import { MessageKind, MessageVisibility, SystemEventKind } from '../../entities/message.entity.js';
import { autoReplyOf, organizationSettingsOf, type AutoReplySettings } from '../../entities/organization-settings.js';
import { mailLanguageOf, type MailLanguage } from '../../gateway/mail/mail-language.js';
import type { Clock } from '../../gateway/notifications/clock.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { nextOpeningAt } from '../widget/business-hours.js';
import { appendMessage } from './message-append.js';
import type { ThreadEvents } from './thread-events.js';

/**
 * A customer wrote into a conversation that `tx` holds locked (`organization`: its pharmacy,
 * read in that transaction): outside business hours, and
 * with the pharmacy's auto-reply on, the thread gets it once for this closed period (issue 19).
 *
 * The closed period is named by the opening that ends it (`nextOpeningAt`, the same rule that
 * holds customer notifications at night), stored as the SYSTEM event's `to`: a second message
 * the same night finds that reply and adds none, the next night's opening is another period.
 * The conversation's row lock makes concurrent messages take turns, so the second sees the
 * first's reply; the unique index `message_auto_reply_once` (migration 1764100210000) makes a
 * second one for the same period impossible whatever the caller.
 *
 * A SYSTEM message rather than a staff TEXT: it has no sender, so it is nobody's first response
 * in the statistics, leaves `awaitingReply` and unread counts alone (they look at TEXT only),
 * and never schedules an away-customer notification; visible to EVERYONE, through the same
 * append (sequence, outbox and webhooks, live events) as every other message.
 */
export async function autoReplyIfClosed(tx: TenantScope, events: ThreadEvents, conversation: Conversation, customer: ActorRef, clock: Clock, organization: Organization): Promise<void> {
  const settings = organizationSettingsOf(organization.settings);
  const reply = autoReplyOf(settings);
  if (!reply.enabled || (!reply.textEn && !reply.textNl)) return;
  const now = clock.now();
  const opening = nextOpeningAt(settings.businessHours, settings.timeZone, now);
  // Open now, or no business hours at all (never closed): nothing to say.
  if (!opening || opening.getTime() <= now.getTime()) return;
  const period = opening.toISOString();
  const replied = await tx
    .messages('message')
    .select('message.id')
    .andWhere('message.conversationId = :conversationId', { conversationId: conversation.id })
    .andWhere('message.kind = :autoReplyKind', { autoReplyKind: MessageKind.SYSTEM })
    .andWhere(`message.system_event->>'type' = :autoReplyType AND message.system_event->>'to' = :autoReplyPeriod`, {
      autoReplyType: SystemEventKind.AUTO_REPLY,
      autoReplyPeriod: period,
    })
    .getOne();
  if (replied) return;
  const language = await customerLanguage(tx, customer.id, mailLanguageOf(settings));
  await appendMessage(tx, events, conversation, {
    kind: MessageKind.SYSTEM,
    body: autoReplyText(reply, language),
    // `from`: the language it is written in; `to`: the opening that ends this closed period.
    systemEvent: { type: SystemEventKind.AUTO_REPLY, from: language, to: period, actorType: customer.type, actorId: customer.id },
    visibility: MessageVisibility.EVERYONE,
  });
}

/** The text in `language`, or the other language's when the pharmacy wrote only that one. */
export function autoReplyText(reply: AutoReplySettings, language: MailLanguage): string {
  return (language === 'nl' ? (reply.textNl ?? reply.textEn) : (reply.textEn ?? reply.textNl)) ?? '';
}

/** The customer's preferred language when it is one we write (`nl`, `nl-BE`, `en-GB`…), else the pharmacy's. */
async function customerLanguage(tx: TenantScope, customerId: string, pharmacyLanguage: MailLanguage): Promise<MailLanguage> {
  const customer = await tx.customers('customer').select(['customer.id', 'customer.preferredLanguage']).andWhere('customer.id = :id', { id: customerId }).getOne();
  const preferred = customer?.preferredLanguage?.trim().toLowerCase().split(/[-_]/)[0];
  return preferred === 'nl' || preferred === 'en' ? preferred : pharmacyLanguage;
}
