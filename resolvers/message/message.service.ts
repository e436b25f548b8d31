import { ActorType } from '../../entities/actor-type.js';
import { Conversation, ConversationStatus } from '../../entities/conversation.entity.js';
import { Message, MessageKind } from '../../entities/message.entity.js';
import { Attachment } from '../../entities/attachment.entity.js';
import { WebhookEventType } from '../../entities/webhook-event-type.js';
import { recordEvent } from '../../gateway/webhooks/outbox.js';
import { messagePayload } from '../../gateway/webhooks/webhook-payloads.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import { badUserInput, forbidden } from '../../gateway/errors/domain-error.js';
import { ConversationEventKind, type MessageEventKind } from '../../gateway/pubsub/event-payloads.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { changeStatus, isFinished } from '../conversation/conversation-status.js';
import { ConversationService } from '../conversation/conversation.service.js';
import { joinAndRead, joiningRoleOf } from '../participant/read-position.js';
import { appendMessage, lockConversation } from './message-append.js';
import { normalizeMessageBody } from './message-body.js';
import { ignoreAttachments, takeAttachments, type AttachmentIntakeDependencies, type IncomingFile } from '../attachment/attachment-intake.js';
import { UPLOAD_LIMITS } from '../../gateway/uploads/upload-limits.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';

export interface SendMessage {
  conversationId: string;
  body: string;
  clientMessageId: string;
  replyToId?: string;
  attachments?: readonly Promise<IncomingFile>[];
}

/** Sending, editing, deleting and reading messages. */
export class MessageService {
  constructor(
    private readonly scope: TenantScope,
    private readonly realtime: RealtimePublisher,
    /** Needed only to send files and to delete messages that have some. */
    private readonly files?: AttachmentIntakeDependencies,
  ) {}

  get(id: string, field = 'messageId'): Promise<Message> {
    return this.scope.findOne(this.scope.messages('message'), id, field, 'Message');
  }

  /**
   * Idempotent by client message id: a retry of the same send by the same sender
   * returns the stored message, never a second copy. A customer writing into a
   * resolved or closed thread reopens it, so the pharmacy sees it again.
   */
  async send(input: SendMessage): Promise<Message> {
    const uploads = input.attachments ?? [];
    if (uploads.length > UPLOAD_LIMITS.maxFilesPerMessage) {
      ignoreAttachments(uploads);
      throw badUserInput('attachments', `A message can carry at most ${UPLOAD_LIMITS.maxFilesPerMessage} files.`);
    }
    const body = normalizeMessageBody(input.body, 'body', { allowEmpty: uploads.length > 0 });
    const sender = actorOf(this.scope.viewer);
    let taken: Awaited<ReturnType<typeof takeAttachments>> | undefined;
    if (uploads.length > 0) {
      // Files are taken before the transaction, so first make sure they are wanted: the
      // conversation is visible, and this is not a retry whose first attempt went through.
      const conversation = await new ConversationService(this.scope, this.realtime).get(input.conversationId, 'conversationId');
      const earlier = await this.sentBefore(this.scope, conversation.id, input.clientMessageId);
      if (earlier) {
        ignoreAttachments(uploads);
        return earlier;
      }
      taken = await takeAttachments(uploads, conversation.organizationId, this.requireFiles());
    }
    try {
      const { message, created } = await this.scope.transaction(async (tx) => {
        const locked = await lockConversation(tx, input.conversationId);
        // Under the lock, so a concurrent retry is either committed (found here) or not yet started.
        const existing = await this.sentBefore(tx, locked.id, input.clientMessageId);
        if (existing) return { message: existing, created: false };
        if (input.replyToId) {
          const repliedTo = await tx.findOne(tx.messages('message'), input.replyToId, 'replyToId', 'Message');
          if (repliedTo.conversationId !== locked.id) {
            throw badUserInput('replyToId', 'You can only reply to a message in the same conversation.');
          }
        }
        if (sender.type === ActorType.CUSTOMER && isFinished(locked.status)) {
          await changeStatus(tx, this.realtime, locked, ConversationStatus.OPEN, sender, 'Conversation reopened by a new message from the customer.');
        }
        const appended = await appendMessage(tx, this.realtime, locked, {
          kind: MessageKind.TEXT,
          sender,
          body,
          clientMessageId: input.clientMessageId,
          replyToId: input.replyToId ?? null,
          attachments: taken?.files,
        });
        // Whoever writes has read everything up to their own message.
        await joinAndRead(tx, locked, sender, { role: joiningRoleOf[sender.type], readThrough: appended.sequence });
        return { message: appended, created: true };
      });
      if (!created) await taken?.discard();
      return message;
    } catch (error) {
      await taken?.discard();
      throw error;
    }
  }

  private sentBefore(scope: TenantScope, conversationId: string, clientMessageId: string): Promise<Message | null> {
    const sender = actorOf(scope.viewer);
    return scope
      .messages('message')
      .andWhere('message.conversationId = :conversationId', { conversationId })
      .andWhere('message.senderType = :senderType AND message.senderId = :senderId', { senderType: sender.type, senderId: sender.id })
      .andWhere('message.clientMessageId = :clientMessageId', { clientMessageId })
      .getOne();
  }

  private requireFiles(): AttachmentIntakeDependencies {
    if (!this.files) throw new Error('MessageService was built without file storage.');
    return this.files;
  }

  edit(messageId: string, newBody: string): Promise<Message> {
    const body = normalizeMessageBody(newBody);
    return this.scope.transaction(async (tx) => {
      const message = await this.ownLiveMessage(tx, messageId, 'edit');
      if (message.body === body) return message;
      const editedAt = new Date();
      await tx.entityManager.update(Message, { id: message.id }, { body, editedAt });
      Object.assign(message, { body, editedAt });
      const attachments = await tx.attachments('attachment').andWhere('attachment.messageId = :messageId', { messageId: message.id }).getMany();
      await recordEvent(tx, this.realtime, WebhookEventType.MESSAGE_EDITED, message.conversationId, { message: messagePayload(message, attachments) });
      await this.publishAfterCommit(tx, ConversationEventKind.MESSAGE_EDITED, message);
      return message;
    });
  }

  /** Leaves a tombstone: the message keeps its sequence and place, but its words and files are gone. */
  delete(messageId: string): Promise<Message> {
    return this.scope.transaction(async (tx) => {
      const message = await this.ownLiveMessage(tx, messageId, 'delete');
      const deletedAt = new Date();
      const attachments = await tx.attachments('attachment').andWhere('attachment.messageId = :messageId', { messageId: message.id }).getMany();
      await tx.entityManager.update(Message, { id: message.id }, { body: null, deletedAt });
      await tx.entityManager.delete(Attachment, { messageId: message.id });
      Object.assign(message, { body: null, deletedAt });
      await tx.audit(AuditAction.MESSAGE_DELETED, { type: 'Message', id: message.id }, { conversationId: message.conversationId, attachments: attachments.length });
      await recordEvent(tx, this.realtime, WebhookEventType.MESSAGE_DELETED, message.conversationId, { message: messagePayload(message) });
      await this.publishAfterCommit(tx, ConversationEventKind.MESSAGE_DELETED, message);
      // The words go with the row update; the files go once that has committed.
      const keys = attachments.flatMap((attachment) => [attachment.storageKey, attachment.thumbnailStorageKey ?? []].flat());
      if (keys.length > 0) {
        const storage = this.requireFiles().storage;
        tx.afterCommit(`files:${message.id}`, () => void Promise.allSettled(keys.map((key) => storage.delete(key))));
      }
      return message;
    });
  }

  /** Moves the viewer's read position up to `sequence` (default: the newest message); never backwards. */
  async markRead(conversationId: string, sequence: number | undefined): Promise<Conversation> {
    const conversation = await new ConversationService(this.scope, this.realtime).get(conversationId, 'conversationId');
    const readThrough = sequence ?? conversation.lastSequence;
    if (readThrough > conversation.lastSequence) {
      throw badUserInput('sequence', `The conversation has no message with sequence ${readThrough}.`);
    }
    const actor = actorOf(this.scope.viewer);
    const position = await joinAndRead(this.scope, conversation, actor, { role: joiningRoleOf[actor.type], readThrough });
    this.realtime.read(conversation.id, actor, position.lastReadSequence, position.lastReadAt ?? new Date());
    // Unread counts live on the inbox row: the reader's other tabs and devices update too.
    this.realtime.conversationChanged(conversation);
    return conversation;
  }

  /**
   * The thread hears of the change, and so does the inbox: the row's last-message
   * preview and unread counts may have changed with it.
   */
  private async publishAfterCommit(tx: TenantScope, kind: MessageEventKind, message: Message): Promise<void> {
    const conversation = await new ConversationService(tx, this.realtime).get(message.conversationId, 'conversationId');
    tx.afterCommit(`message:${message.id}`, () => this.realtime.message(kind, message));
    tx.afterCommit(`conversation:${conversation.id}`, () => this.realtime.conversationChanged(conversation));
  }

  private async ownLiveMessage(tx: TenantScope, messageId: string, verb: 'edit' | 'delete'): Promise<Message> {
    const message = await tx.findOne(tx.messages('message').setLock('pessimistic_write'), messageId, 'messageId', 'Message');
    const viewer = actorOf(tx.viewer);
    if (message.kind !== MessageKind.TEXT || message.senderType !== viewer.type || message.senderId !== viewer.id) {
      throw forbidden(`You can only ${verb} your own messages.`);
    }
    if (message.deletedAt) throw badUserInput('messageId', `This message was deleted; it can't be ${verb === 'edit' ? 'edited' : 'deleted again'}.`);
    return message;
  }
}
