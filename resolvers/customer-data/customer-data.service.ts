import { Attachment } from '../../entities/attachment.entity.js';
import { Conversation } from '../../entities/conversation.entity.js';
import { Customer } from '../../entities/customer.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import type { GatewayFiles } from '../../gateway/files/gateway-files.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import { MessageAudience, type TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { deleteConversationEvents } from '../../gateway/webhooks/outbox.js';
import { CustomerService } from '../customer/customer.service.js';
import type { ThreadService } from '../thread/thread.service.js';

export interface CustomerDataExport {
  customerId: string;
  exportedAt: Date;
  data: Record<string, unknown>;
  /** The conversations whose messages `data` holds: reading it is recorded against each (audit log). */
  conversationIds: string[];
}

export interface CustomerErasure {
  customerId: string;
  conversations: number;
  messages: number;
  attachments: number;
}

/** Right of access and right to erasure, for a pharmacy admin acting on a customer's request. */
export class CustomerDataService {
  constructor(
    private readonly scope: TenantScope,
    private readonly thread: ThreadService,
    private readonly realtime: RealtimePublisher,
    private readonly files: GatewayFiles,
  ) {}

  /** One consistent snapshot (a repeatable-read transaction), recorded in the audit log. */
  async export(customerId: string): Promise<CustomerDataExport> {
    return this.scope.transaction(async (tx) => {
      const customer = await new CustomerService(tx).get(customerId, 'customerId');
      const conversations = await tx.conversations('conversation').andWhere('conversation.customerId = :customerId', { customerId: customer.id }).orderBy('conversation.createdAt').getMany();
      const ids = conversations.map((conversation) => conversation.id);
      const [messages, attachments, participants] = ids.length
        ? await Promise.all([
            // Made for the customer: what they may see of the threads (no team notes).
            tx.messages('message', MessageAudience.CUSTOMER).andWhere('message.conversationId IN (:...ids)', { ids }).orderBy('message.conversationId').addOrderBy('message.sequence').getMany(),
            tx.attachments('attachment').andWhere('attachment.conversationId IN (:...ids)', { ids }).getMany(),
            tx.participants('participant').andWhere('participant.conversationId IN (:...ids)', { ids }).getMany(),
          ])
        : [[], [], []];
      const exportedAt = new Date();
      await tx.audit(AuditAction.CUSTOMER_EXPORTED, { type: 'Customer', id: customer.id }, { conversations: conversations.length, messages: messages.length });
      return {
        customerId: customer.id,
        exportedAt,
        conversationIds: ids,
        data: {
          exportedAt: exportedAt.toISOString(),
          customer: pick(customer, ['id', 'name', 'phone', 'email', 'externalId', 'dateOfBirth', 'preferredLanguage', 'contactConsentAt', 'emailConsentAt', 'smsConsentAt', 'emailOptedOutAt', 'smsOptedOutAt', 'createdAt']),
          conversations: conversations.map((conversation) => ({
            ...pick(conversation, ['id', 'subject', 'status', 'priority', 'channel', 'createdAt', 'lastActivityAt']),
            participants: participants
              .filter((participant) => participant.conversationId === conversation.id)
              .map((participant) => pick(participant, ['actorType', 'actorId', 'role', 'lastReadSequence', 'joinedAt'])),
            messages: messages
              .filter((message) => message.conversationId === conversation.id)
              .map((message) => ({
                ...pick(message, ['id', 'sequence', 'kind', 'senderType', 'senderId', 'body', 'createdAt', 'editedAt', 'deletedAt']),
                attachments: attachments
                  .filter((attachment) => attachment.messageId === message.id)
                  .map((attachment) => ({
                    ...pick(attachment, ['id', 'fileName', 'contentType', 'byteSize', 'sha256']),
                    url: this.files.signer.url(attachment.id, 'original', attachment.fileName),
                  })),
              })),
          })),
        },
      };
    }, { isolation: 'REPEATABLE READ' });
  }

  /**
   * Removes what identifies the customer or describes their health: the text of every
   * message in their conversations (both sides: a pharmacist's reply is about them too),
   * their files, the subjects, and their contact details. The rows stay as tombstones so
   * counts, sequences and the audit trail keep making sense.
   */
  async erase(customerId: string): Promise<CustomerErasure> {
    const keys: string[] = [];
    const result = await this.scope.transaction(async (tx) => {
      const customer = await tx.findOne(tx.customers('customer').setLock('pessimistic_write'), customerId, 'customerId', 'Customer');
      let conversations = await tx.conversations('conversation').andWhere('conversation.customerId = :customerId', { customerId: customer.id }).getMany();
      const ids = conversations.map((conversation) => conversation.id);
      let messages = 0;
      let attachments = 0;
      if (ids.length) {
        const files = await tx.attachments('attachment').andWhere('attachment.conversationId IN (:...ids)', { ids }).getMany();
        for (const file of files) keys.push(file.storageKey, ...(file.thumbnailStorageKey ? [file.thumbnailStorageKey] : []));
        attachments = files.length;
        if (files.length) await tx.delete(Attachment, { id: files.map((file) => file.id) });
        messages = await tx.execute(
          `UPDATE message SET body = NULL, deleted_at = coalesce(deleted_at, now())
            WHERE organization_id = $1 AND conversation_id = ANY($2::uuid[]) AND body IS NOT NULL`,
          [ids],
        );
        await tx.update(Conversation, { id: ids }, { subject: null });
        // The rows go out to open inboxes below as they now stand: read again under the lock
        // that update took, so no change committed meanwhile is undone on screens.
        conversations = await tx.conversations('conversation').andWhere('conversation.id IN (:...ids)', { ids }).getMany();
        // Webhook events about these conversations carry the same texts and file names.
        await deleteConversationEvents(tx, ids);
      }
      // Their chat tokens (7 days) stop working now, and their open widget sockets close.
      await tx.update(Customer, { id: customer.id }, { name: 'Erased customer', phone: null, email: null, externalId: null, dateOfBirth: null, preferredLanguage: null, staffNote: null, contactConsentAt: null, emailConsentAt: null, smsConsentAt: null, chatTokensRevokedAt: new Date() });
      tx.afterCommit(`access:${customer.id}`, () => this.realtime.chatTokensRevoked(customer.organizationId, customer.id));
      await tx.audit(AuditAction.CUSTOMER_ERASED, { type: 'Customer', id: customer.id }, { conversations: ids.length, messages, attachments });
      for (const conversation of conversations) this.thread.conversationChanged(tx, conversation);
      return { customerId: customer.id, conversations: ids.length, messages, attachments };
    });
    await Promise.allSettled(keys.map((key) => this.files.storage.delete(key)));
    return result;
  }
}

function pick<T extends object, K extends keyof T>(row: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, row[key]])) as Pick<T, K>;
}
