import { ActorType } from '../../entities/actor-type.js';
import { Conversation, ConversationStatus } from '../../entities/conversation.entity.js';
import { Message, MessageKind } from '../../entities/message.entity.js';
import { Attachment } from '../../entities/attachment.entity.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import { badUserInput, forbidden } from '../../gateway/errors/app-error.js';
import { ConversationEventKind, type MessageEventKind } from '../../gateway/pubsub/event-payloads.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { changeStatus, isFinished } from '../conversation/conversation-status.js';
import { ConversationService } from '../conversation/conversation.service.js';
import { joinAndRead, joiningRoleOf } from '../participant/read-position.js';
import { appendMessage, lockConversation } from './message-append.js';
import { normalizeMessageBody } from './message-body.js';

export interface SendMessage {
  conversationId: string;
  body: string;
  clientMessageId: string;
  replyToId?: string;
}

/** Sending, editing, deleting and reading messages. */
export class MessageService {
  constructor(
    private readonly scope: TenantScope,
    private readonly realtime: RealtimePublisher,
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
    const body = normalizeMessageBody(input.body);
    const sender = actorOf(this.scope.viewer);
    return this.scope.transaction(async (tx) => {
      const conversation = await lockConversation(tx, input.conversationId);
      // Under the lock, so a concurrent retry is either committed (found here) or not yet started.
      const existing = await tx
        .messages('message')
        .andWhere('message.conversationId = :conversationId', { conversationId: conversation.id })
        .andWhere('message.senderType = :senderType AND message.senderId = :senderId', { senderType: sender.type, senderId: sender.id })
        .andWhere('message.clientMessageId = :clientMessageId', { clientMessageId: input.clientMessageId })
        .getOne();
      if (existing) return existing;
      if (input.replyToId) {
        const repliedTo = await tx.findOne(tx.messages('message'), input.replyToId, 'replyToId', 'Message');
        if (repliedTo.conversationId !== conversation.id) {
          throw badUserInput('replyToId', 'You can only reply to a message in the same conversation.');
        }
      }
      if (sender.type === ActorType.CUSTOMER && isFinished(conversation.status)) {
        await changeStatus(tx, this.realtime, conversation, ConversationStatus.OPEN, sender, 'Conversation reopened by a new message from the customer.');
      }
      const message = await appendMessage(tx, this.realtime, conversation, {
        kind: MessageKind.TEXT,
        sender,
        body,
        clientMessageId: input.clientMessageId,
        replyToId: input.replyToId ?? null,
      });
      // Whoever writes has read everything up to their own message.
      await joinAndRead(tx, conversation, sender, { role: joiningRoleOf[sender.type], readThrough: message.sequence });
      return message;
    });
  }

  edit(messageId: string, newBody: string): Promise<Message> {
    const body = normalizeMessageBody(newBody);
    return this.scope.transaction(async (tx) => {
      const message = await this.ownLiveMessage(tx, messageId, 'edit');
      if (message.body === body) return message;
      const editedAt = new Date();
      await tx.entityManager.update(Message, { id: message.id }, { body, editedAt });
      Object.assign(message, { body, editedAt });
      await this.publishAfterCommit(tx, ConversationEventKind.MESSAGE_EDITED, message);
      return message;
    });
  }

  /** Leaves a tombstone: the message keeps its sequence and place, but its words and files are gone. */
  delete(messageId: string): Promise<Message> {
    return this.scope.transaction(async (tx) => {
      const message = await this.ownLiveMessage(tx, messageId, 'delete');
      const deletedAt = new Date();
      await tx.entityManager.update(Message, { id: message.id }, { body: null, deletedAt });
      await tx.entityManager.delete(Attachment, { messageId: message.id });
      Object.assign(message, { body: null, deletedAt });
      await this.publishAfterCommit(tx, ConversationEventKind.MESSAGE_DELETED, message);
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
