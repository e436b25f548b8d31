import type { ActorRef } from '../../entities/actor-type.js';
import { ActorType } from '../../entities/actor-type.js';
import { ConversationStatus, type Conversation } from '../../entities/conversation.entity.js';
import type { Organization } from '../../entities/organization.entity.js';
import type { Attachment } from '../../entities/attachment.entity.js';
import { MessageKind, type Message } from '../../entities/message.entity.js';
import type { ParticipantRole } from '../../entities/participant.entity.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { WebhookEventType } from '../../entities/webhook-event-type.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import { ConversationEventKind } from '../../gateway/pubsub/event-payloads.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { systemClock, type Clock } from '../../gateway/notifications/clock.js';
import { conversationPayload, messagePayload } from '../../gateway/webhooks/webhook-payloads.js';
import { publishedActor } from '../actor/actor-names.js';
import { awayCustomerCheck } from '../notification/away-customer-schedule.js';
import { changeAssignee } from './assignee-change.js';
import { autoReplyIfClosed } from './auto-reply.js';
import { appendMessage, type NewMessage, type WrittenMessage } from './message-append.js';
import { joinAndRead, joiningRoleOf, moveReadPositionBack } from './read-position.js';
import { recountAwaitingSince } from './awaiting-since.js';
import { endSnooze, snooze } from './snooze-change.js';
import { changeStatus, isFinished } from './status-change.js';
import { ThreadEvents } from './thread-events.js';

/** Message events a change of an existing message causes. */
export type MessageChange = ConversationEventKind.MESSAGE_EDITED | ConversationEventKind.MESSAGE_DELETED;

const WEBHOOK_OF_CHANGE: Record<MessageChange, WebhookEventType> = {
  [ConversationEventKind.MESSAGE_EDITED]: WebhookEventType.MESSAGE_EDITED,
  [ConversationEventKind.MESSAGE_DELETED]: WebhookEventType.MESSAGE_DELETED,
};

/**
 * A conversation's thread: sequence numbers (append under the row lock), status and
 * assignee changes with their SYSTEM messages, participants and read positions, and what
 * webhook receivers and live subscribers hear of all that. `message/`, `conversation/` and
 * the other features call this and never each other. One per request (`threadOf`), over the
 * viewer's scope; the methods that write take the transaction's scope (`tx`) they write in.
 */
export class ThreadService {
  private readonly events: ThreadEvents;

  constructor(
    private readonly scope: TenantScope,
    realtime: RealtimePublisher,
    /** What time it is for business-hours decisions (the auto-reply); tests move it. */
    private readonly clock: Clock = systemClock,
  ) {
    this.events = new ThreadEvents(realtime);
  }

  /** A conversation the viewer may see, or NOT_FOUND (also for ids of other pharmacies). */
  conversation(conversationId: string, field = 'conversationId', scope: TenantScope = this.scope): Promise<Conversation> {
    return scope.findOne(scope.conversations('conversation'), conversationId, field, 'Conversation');
  }

  /** The same, locked (FOR UPDATE) until `tx` ends: appends and changes of one thread take turns. */
  lock(tx: TenantScope, conversationId: string, field = 'conversationId'): Promise<Conversation> {
    return tx.findOne(tx.conversations('conversation').setLock('pessimistic_write'), conversationId, field, 'Conversation');
  }

  /** A conversation just created in `tx`: its first participants, its webhook event, its inbox row. */
  async opened(tx: TenantScope, conversation: Conversation, participants: readonly { actor: ActorRef; role: ParticipantRole }[]): Promise<void> {
    for (const { actor, role } of participants) await joinAndRead(tx, conversation, actor, { role });
    await this.events.webhook(tx, WebhookEventType.CONVERSATION_CREATED, conversation.id, { conversation: conversationPayload(conversation) });
    this.events.inbox(tx, conversation);
  }

  /** Appends to a conversation locked in `tx`, with the next sequence number. */
  append(tx: TenantScope, conversation: Conversation, message: NewMessage): Promise<Message> {
    return appendMessage(tx, this.events, conversation, message);
  }

  /** Moves a conversation locked in `tx` to `status`, with a SYSTEM message saying so; the current status changes nothing. */
  changeStatus(tx: TenantScope, conversation: Conversation, status: ConversationStatus, actor: ActorRef = actorOf(tx.viewer)): Promise<void> {
    return changeStatus(tx, this.events, conversation, status, actor);
  }

  /**
   * A customer writing into a resolved or closed thread reopens it, so the pharmacy sees it
   * again; into a PENDING one (the pharmacy was waiting on them) it moves back to OPEN, so it
   * is in the Open tab again.
   */
  async reopenIfFinished(tx: TenantScope, conversation: Conversation, writer: ActorRef): Promise<void> {
    if (writer.type !== ActorType.CUSTOMER) return;
    // A snoozed thread comes back the moment the customer writes, whatever time it was set for.
    await endSnooze(tx, this.events, conversation, writer, 'The customer wrote: snooze ended.');
    if (isFinished(conversation.status)) {
      await changeStatus(tx, this.events, conversation, ConversationStatus.OPEN, writer, 'Conversation reopened by a new message from the customer.');
    } else if (conversation.status === ConversationStatus.PENDING) {
      await changeStatus(tx, this.events, conversation, ConversationStatus.OPEN, writer, 'The customer answered: back to open.');
    }
  }

  /** Puts a conversation locked in `tx` out of the Open tab until `until`, with a SYSTEM message for the team. */
  snooze(tx: TenantScope, conversation: Conversation, until: Date): Promise<void> {
    return snooze(tx, this.events, conversation, until, actorOf(tx.viewer));
  }

  /**
   * Ends the snooze of a conversation locked in `tx` (staff undoing it, or its time come: then
   * `wakeUp`), with a SYSTEM message; a PENDING thread that wakes up is OPEN again, as the
   * snooze promised.
   */
  async unsnooze(tx: TenantScope, conversation: Conversation, options: { wakeUp?: boolean } = {}): Promise<void> {
    if (!conversation.snoozedUntil) return;
    const actor = actorOf(tx.viewer);
    await endSnooze(tx, this.events, conversation, actor, options.wakeUp ? 'Snooze ended: back to open.' : 'Snooze cancelled.');
    if (options.wakeUp && conversation.status === ConversationStatus.PENDING) await this.changeStatus(tx, conversation, ConversationStatus.OPEN, actor);
  }

  /** Assigns a conversation locked in `tx` to a staff member (or nobody), with a SYSTEM message. */
  changeAssignee(tx: TenantScope, conversation: Conversation, assignee: Pick<StaffUser, 'id' | 'name'> | null): Promise<void> {
    return changeAssignee(tx, this.events, conversation, assignee, actorOf(tx.viewer));
  }

  /**
   * Appends what someone wrote (a message, a note) to a conversation locked in `tx`. Whoever
   * writes has read everything up to their own message, and takes part from then on: their read
   * position moves in the insert's round trip. A customer writing while the pharmacy is closed
   * gets its auto-reply (once a closed period); the pharmacy's settings for it come in that round trip too.
   */
  async write(tx: TenantScope, conversation: Conversation, message: WrittenMessage): Promise<Message> {
    const writer = message.sender;
    // A reply the customer may not see: they're notified if it stays unread (issue 18). A
    // WhatsApp or SMS thread's reply reaches their phone itself (issue 22).
    const reply = writer.type !== ActorType.CUSTOMER;
    const awayCheck = reply && !conversation.channelConnectionId ? awayCustomerCheck(tx.organizationId, conversation.id) : undefined;
    let settings: Promise<Organization> | undefined;
    const appended = await appendMessage(tx, this.events, conversation, message, (row) => {
      settings = reply ? undefined : tx.organization();
      return [joinAndRead(tx, conversation, writer, { role: joiningRoleOf[writer.type], readThrough: row.sequence, alsoEnqueue: awayCheck }), settings];
    });
    if (settings) await autoReplyIfClosed(tx, this.events, conversation, writer, this.clock, await settings);
    return appended;
  }

  /** Moves the viewer's read position up to `readThrough` (never back); the thread and the viewer's inbox rows hear of it. */
  async markRead(conversation: Conversation, readThrough: number): Promise<void> {
    const reader = actorOf(this.scope.viewer);
    const position = await joinAndRead(this.scope, conversation, reader, { role: joiningRoleOf[reader.type], readThrough });
    // Reading the thread is seeing the notes that named the reader: their badge goes.
    if (reader.type === ActorType.STAFF) {
      await this.scope.execute(`UPDATE note_mention SET seen_at = now() WHERE organization_id = $1 AND conversation_id = $2 AND staff_id = $3 AND seen_at IS NULL`, [
        conversation.id,
        reader.id,
      ]);
    }
    this.events.read(conversation.id, reader, position.lastReadSequence, position.lastReadAt ?? new Date());
    // Unread counts live on the inbox row: the reader's other tabs and devices update too.
    this.events.inbox(this.scope, conversation, { read: { reader, sequence: position.lastReadSequence } });
  }

  /**
   * Moves the viewer's read position back to just before the newest message from the other
   * side, so their unread count, the unread filter and their inbox row agree it is unread;
   * only they hear of it (their unread count is theirs). False when nothing from the other
   * side could be unread.
   */
  async markUnread(conversation: Conversation): Promise<boolean> {
    const reader = actorOf(this.scope.viewer);
    const sequence = await moveReadPositionBack(this.scope, conversation, reader);
    if (sequence === null) return false;
    this.events.inbox(this.scope, conversation, { read: { reader, sequence } });
    return true;
  }

  /**
   * A message was edited or deleted in `tx`: webhook receivers get it (with the files it
   * still has), the thread and the inbox (its preview may have changed) once `tx` commits.
   */
  async messageChanged(tx: TenantScope, kind: MessageChange, message: Message, attachments: readonly Attachment[] = []): Promise<void> {
    await this.events.webhook(tx, WEBHOOK_OF_CHANGE[kind], message.conversationId, { message: messagePayload(message, attachments) }, message);
    // Locked, so the row the inbox hears is the one committed last: read unlocked, it could be
    // older than a priority or status change published before this one, and undo it on screens.
    const conversation = await this.lock(tx, message.conversationId);
    if (kind === ConversationEventKind.MESSAGE_DELETED && message.kind === MessageKind.TEXT) await recountAwaitingSince(tx, conversation);
    // Only the sender edits or deletes a message: the viewer.
    const relations = { sender: await this.events.sender(tx, actorOf(tx.viewer)), attachments };
    this.events.message(tx, kind, message, relations);
    this.events.inbox(tx, conversation, { message: { message, ...relations } });
  }

  /**
   * Someone's reactions on a message changed (already written): subscribers hear of it with
   * the message's sender and files; the reactions themselves they read as they run. If those
   * lookups fail, the event goes without them.
   */
  async reactionsChanged(message: Message): Promise<void> {
    const sender = message.senderType && message.senderId ? { type: message.senderType, id: message.senderId } : null;
    const relations = await Promise.all([
      sender && publishedActor(this.scope, sender),
      this.scope.attachments('attachment').andWhere('attachment.messageId = :messageId', { messageId: message.id }).orderBy('attachment.createdAt', 'ASC').getMany(),
    ]).then(
      ([named, attachments]) => ({ sender: named, attachments }),
      () => ({ sender: sender && { ...sender, name: null } }),
    );
    this.events.reactionsChanged(message, relations);
  }

  /**
   * A label was put on a conversation locked in `tx` or taken off it: webhook receivers get the
   * thread with its labels as they now stand (outbox.ts adds them), the inbox row its new labels.
   */
  async labelsChanged(tx: TenantScope, conversation: Conversation, change: { label: { id: string; name: string }; added: boolean }): Promise<void> {
    await this.events.webhook(tx, WebhookEventType.CONVERSATION_LABELS_CHANGED, conversation.id, {
      conversation: conversationPayload(conversation),
      label: { __typename: 'Label', id: change.label.id, name: change.label.name },
      change: change.added ? 'ADDED' : 'REMOVED',
    });
    this.events.inbox(tx, conversation);
  }

  /** A conversation's own fields changed in `tx` (priority, an erased subject): the inbox row. */
  conversationChanged(tx: TenantScope, conversation: Conversation): void {
    this.events.inbox(tx, conversation);
  }
}
