import { Message, MessageKind } from '../../entities/message.entity.js';
import { Attachment } from '../../entities/attachment.entity.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import { badUserInput, forbidden } from '../../gateway/errors/domain-error.js';
import { ConversationEventKind } from '../../gateway/pubsub/event-payloads.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import type { ThreadService } from '../thread/thread.service.js';
import { normalizeMessageBody } from './message-body.js';
import { ignoreAttachments, takeAttachments, type AttachmentIntakeDependencies, type IncomingFile } from '../attachment/attachment-intake.js';
import { UPLOAD_LIMITS } from '../../gateway/uploads/upload-limits.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { assertMayReply, queueChannelDelivery } from '../channel/channel-delivery.js';
import { isUniqueViolation } from '../../gateway/database/database-error.js';

export interface SendMessage {
  conversationId: string;
  body: string;
  clientMessageId: string;
  replyToId?: string | null;
  attachments?: readonly Promise<IncomingFile>[] | null;
}

export interface EditMessage {
  messageId: string;
  body: string;
}

/** Sending, editing and deleting messages; the thread numbers them and tells everyone. */
export class MessageService {
  constructor(
    private readonly scope: TenantScope,
    private readonly thread: ThreadService,
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
  async send(command: SendMessage): Promise<Message> {
    const uploads = command.attachments ?? [];
    if (uploads.length > UPLOAD_LIMITS.maxFilesPerMessage) {
      ignoreAttachments(uploads);
      throw badUserInput('attachments', `A message can carry at most ${UPLOAD_LIMITS.maxFilesPerMessage} files.`);
    }
    const body = normalizeMessageBody(command.body, 'body', { allowEmpty: uploads.length > 0 });
    const sender = actorOf(this.scope.viewer);
    let taken: Awaited<ReturnType<typeof takeAttachments>> | undefined;
    if (uploads.length > 0) {
      // Files are taken before the transaction, so first make sure they are wanted: the
      // conversation is visible, and this is not a retry whose first attempt went through.
      const conversation = await this.thread.conversation(command.conversationId);
      const earlier = await this.sentBefore(this.scope, conversation.id, command.clientMessageId);
      if (earlier) {
        ignoreAttachments(uploads);
        return earlier;
      }
      taken = await takeAttachments(uploads, conversation.organizationId, this.requireFiles());
    }
    try {
      const message = await this.scope.transaction(async (tx) => {
        // A retry whose first attempt committed is found by the message's unique index on
        // (conversation, sender, client message id) when the insert below hits it: no read
        // for it on every send. Under the row lock a concurrent retry has either committed
        // (the insert fails, the transaction rolls back, the original is read below) or not begun.
        const locked = await this.thread.lock(tx, command.conversationId);
        if (command.replyToId) {
          const repliedTo = await tx.findOne(tx.messages('message'), command.replyToId, 'replyToId', 'Message');
          if (repliedTo.conversationId !== locked.id) {
            throw badUserInput('replyToId', 'You can only reply to a message in the same conversation.');
          }
        }
        await assertMayReply(tx, locked, sender);
        await this.thread.reopenIfFinished(tx, locked, sender);
        const appended = await this.thread.write(tx, locked, {
          kind: MessageKind.TEXT,
          sender,
          body,
          clientMessageId: command.clientMessageId,
          replyToId: command.replyToId ?? null,
          attachments: taken?.files,
        });
        // A thread that came in through WhatsApp or SMS: the reply goes out through it.
        await queueChannelDelivery(tx, locked, appended);
        return appended;
      });
      return message;
    } catch (error) {
      await taken?.discard();
      const earlier = isUniqueViolation(error) ? await this.sentBefore(this.scope, command.conversationId, command.clientMessageId) : null;
      if (earlier) return earlier;
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

  edit(command: EditMessage): Promise<Message> {
    const body = normalizeMessageBody(command.body);
    return this.scope.transaction(async (tx) => {
      const message = await this.ownLiveMessage(tx, command.messageId, 'edit');
      if (message.body === body) return message;
      const editedAt = new Date();
      await tx.update(Message, { id: message.id }, { body, editedAt });
      Object.assign(message, { body, editedAt });
      const attachments = await tx.attachments('attachment').andWhere('attachment.messageId = :messageId', { messageId: message.id }).orderBy('attachment.createdAt', 'ASC').getMany();
      await this.thread.messageChanged(tx, ConversationEventKind.MESSAGE_EDITED, message, attachments);
      return message;
    });
  }

  /** Leaves a tombstone: the message keeps its sequence and place, but its words and files are gone. */
  delete(messageId: string): Promise<Message> {
    return this.scope.transaction(async (tx) => {
      const message = await this.ownLiveMessage(tx, messageId, 'delete');
      const deletedAt = new Date();
      const attachments = await tx.attachments('attachment').andWhere('attachment.messageId = :messageId', { messageId: message.id }).getMany();
      await tx.update(Message, { id: message.id }, { body: null, deletedAt });
      await tx.delete(Attachment, { messageId: message.id });
      Object.assign(message, { body: null, deletedAt });
      await tx.audit(AuditAction.MESSAGE_DELETED, { type: 'Message', id: message.id }, { conversationId: message.conversationId, attachments: attachments.length });
      await this.thread.messageChanged(tx, ConversationEventKind.MESSAGE_DELETED, message);
      // The words go with the row update; the files go once that has committed.
      const keys = attachments.flatMap((attachment) => [attachment.storageKey, attachment.thumbnailStorageKey ?? []].flat());
      if (keys.length > 0) {
        const storage = this.requireFiles().storage;
        tx.afterCommit(`files:${message.id}`, () => void Promise.allSettled(keys.map((key) => storage.delete(key))));
      }
      return message;
    });
  }

  private async ownLiveMessage(tx: TenantScope, messageId: string, verb: 'edit' | 'delete'): Promise<Message> {
    const message = await tx.findOne(tx.messages('message').setLock('pessimistic_write'), messageId, 'messageId', 'Message');
    const viewer = actorOf(tx.viewer);
    if (message.kind === MessageKind.SYSTEM || message.senderType !== viewer.type || message.senderId !== viewer.id) {
      throw forbidden(`You can only ${verb} your own messages.`);
    }
    if (message.deletedAt) throw badUserInput('messageId', `This message was deleted; it can't be ${verb === 'edit' ? 'edited' : 'deleted again'}.`);
    return message;
  }
}
