import { ActorType } from '../../entities/actor-type.js';
import { ChannelKind, type ChannelConnection } from '../../entities/channel-connection.entity.js';
import { Conversation, ConversationChannel, ConversationPriority, ConversationStatus } from '../../entities/conversation.entity.js';
import { Customer } from '../../entities/customer.entity.js';
import { MessageKind, MESSAGE_BODY_MAX_LENGTH, type Message } from '../../entities/message.entity.js';
import { ParticipantRole } from '../../entities/participant.entity.js';
import type { CustomerViewer } from '../../gateway/auth/viewer.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import type { StoredFile } from '../attachment/attachment-intake.js';
import { ThreadService } from '../thread/thread.service.js';
import type { ChannelDependencies } from './channel-dependencies.js';
import { CHANNEL_MEDIA_TASK, type ChannelMediaPayload } from './channel-media-job.js';
import type { InboundMessage } from './inbound-message.js';

/** A WhatsApp media download that keeps failing is given up after about an hour of backoff. */
const MEDIA_MAX_ATTEMPTS = 8;

export const CONVERSATION_CHANNEL_OF: Record<ChannelKind, ConversationChannel> = {
  [ChannelKind.WHATSAPP]: ConversationChannel.WHATSAPP,
  [ChannelKind.SMS]: ConversationChannel.SMS,
};

/**
 * Customers' WhatsApp and SMS messages into the inbox. A known number's message lands in that
 * customer's open thread of the connection (else a new one); an unknown number becomes a new
 * customer flagged unverified. Each provider message id is taken in once, in the transaction
 * that appends it: a redelivered webhook adds nothing. Media are downloaded by a job, so the
 * webhook answers at once.
 */
export class ChannelInbox {
  constructor(private readonly deps: ChannelDependencies) {}

  async receive(pharmacy: OrganizationScope, connection: ChannelConnection, inbound: InboundMessage): Promise<void> {
    if (await this.seen(pharmacy, connection.id, inbound.providerMessageId)) return;
    const customer = await this.customerFor(pharmacy, connection, inbound);
    if (customer.blockedAt) return;
    if (inbound.media.length === 0) {
      await this.append(connection, customer.id, inbound, { claim: 'new', files: [] });
      return;
    }
    // The id is taken now (a redelivery adds nothing); the job appends the message with its files.
    await pharmacy.transaction(async (tx) => {
      if (!(await claim(tx, connection.id, inbound.providerMessageId, 'new'))) return;
      await tx.enqueueJob<ChannelMediaPayload>({
        task: CHANNEL_MEDIA_TASK,
        payload: { v: 1, organizationId: tx.organizationId, connectionId: connection.id, customerId: customer.id, inbound },
        jobKey: `channel-media:${connection.id}:${inbound.providerMessageId}`,
        maxAttempts: MEDIA_MAX_ATTEMPTS,
      });
    });
  }

  /**
   * Appends the customer's message, as the customer, to their open thread of the connection.
   * `claim`: 'new' takes the provider id in this transaction (nothing if it was taken before);
   * 'queued' completes an id taken when its media job was queued (nothing if already done).
   */
  async append(connection: ChannelConnection, customerId: string, inbound: InboundMessage, options: { claim: 'new' | 'queued'; files: readonly StoredFile[] }): Promise<Message | undefined> {
    const customer: CustomerViewer = { kind: 'customer', organizationId: connection.organizationId, customerId, issuedAt: new Date() };
    return this.deps.database.asViewer(customer, (scope) =>
      scope.transaction(async (tx) => {
        if (!(await claim(tx, connection.id, inbound.providerMessageId, options.claim))) return undefined;
        const thread = new ThreadService(tx, this.deps.realtime);
        const conversation = await this.openThread(tx, thread, connection, customerId);
        const sender = { type: ActorType.CUSTOMER, id: customerId };
        await thread.reopenIfFinished(tx, conversation, sender);
        const message = await thread.write(tx, conversation, {
          kind: MessageKind.TEXT,
          sender,
          body: inbound.text.slice(0, MESSAGE_BODY_MAX_LENGTH),
          clientMessageId: `${connection.kind.toLowerCase()}:${inbound.providerMessageId}`,
          replyToId: null,
          attachments: options.files,
        });
        await tx.execute(`UPDATE channel_inbound_message SET message_id = $4 WHERE organization_id = $1 AND connection_id = $2 AND provider_message_id = $3`, [
          connection.id,
          inbound.providerMessageId,
          message.id,
        ]);
        return message;
      }),
    );
  }

  private async seen(pharmacy: OrganizationScope, connectionId: string, providerMessageId: string): Promise<boolean> {
    const found = await pharmacy
      .channelInboundMessages('inbound')
      .andWhere('inbound.connectionId = :connectionId AND inbound.providerMessageId = :providerMessageId', { connectionId, providerMessageId })
      .getCount();
    return found > 0;
  }

  /**
   * The customer with this number (one the store vouches for first, then the oldest), or a new
   * one, unverified, named as their profile says. Serialized per number, so two messages at
   * once from a new number make one customer.
   */
  private customerFor(pharmacy: OrganizationScope, connection: ChannelConnection, inbound: InboundMessage): Promise<Customer> {
    return pharmacy.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [inbound.from]);
      const known = await tx
        .customers('customer')
        .andWhere('customer.phone = :phone', { phone: inbound.from })
        .orderBy('customer.externalId IS NULL', 'ASC')
        .addOrderBy('customer.createdAt', 'ASC')
        .getOne();
      if (known) return known;
      const name = inbound.profileName?.trim().slice(0, 200) || inbound.from;
      // Writing to the pharmacy on this channel is not consent to notifications elsewhere: none is recorded.
      return tx.insert(Customer, { name, phone: inbound.from, email: null, externalId: null, unverified: true });
    });
  }

  /** The customer's newest open or pending thread of this connection, locked; else a new one. */
  private async openThread(tx: TenantScope, thread: ThreadService, connection: ChannelConnection, customerId: string): Promise<Conversation> {
    // One thread per customer and connection at a time: two first messages at once must not make two.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2 || ':' || $3))`, [connection.id, customerId]);
    const open = await tx
      .conversations('conversation')
      .andWhere('conversation.channelConnectionId = :connectionId AND conversation.customerId = :customerId', { connectionId: connection.id, customerId })
      .andWhere('conversation.status IN (:...statuses)', { statuses: [ConversationStatus.OPEN, ConversationStatus.PENDING] })
      .orderBy('conversation.lastActivityAt', 'DESC')
      .setLock('pessimistic_write')
      .getOne();
    if (open) return open;
    const created = await tx.insert(Conversation, {
      customerId,
      subject: null,
      status: ConversationStatus.OPEN,
      priority: ConversationPriority.NORMAL,
      channel: CONVERSATION_CHANNEL_OF[connection.kind],
      channelConnectionId: connection.id,
      assigneeId: null,
      isDefault: false,
      lastSequence: 0,
      messageCount: 0,
      lastMessageId: null,
      lastMessageAt: null,
      lastActivityAt: new Date(),
    });
    await thread.opened(tx, created, [{ actor: { type: ActorType.CUSTOMER, id: customerId }, role: ParticipantRole.CUSTOMER }]);
    return created;
  }
}

/** Takes a provider message id for the message about to be appended; false: it was taken (and appended) before. */
async function claim(tx: OrganizationScope, connectionId: string, providerMessageId: string, how: 'new' | 'queued'): Promise<boolean> {
  if (how === 'new') {
    const taken = await tx.query(
      `INSERT INTO channel_inbound_message (organization_id, connection_id, provider_message_id) VALUES ($1, $2, $3)
       ON CONFLICT (connection_id, provider_message_id) DO NOTHING RETURNING provider_message_id`,
      [connectionId, providerMessageId],
    );
    return taken.length > 0;
  }
  const waiting = await tx.query(
    `SELECT provider_message_id FROM channel_inbound_message WHERE organization_id = $1 AND connection_id = $2 AND provider_message_id = $3 AND message_id IS NULL FOR UPDATE`,
    [connectionId, providerMessageId],
  );
  return waiting.length > 0;
}
