import { ActorType } from '../../entities/actor-type.js';
import {
  Conversation,
  ConversationChannel,
  ConversationPriority,
  ConversationStatus,
} from '../../entities/conversation.entity.js';
import { MessageKind, SystemEventKind } from '../../entities/message.entity.js';
import { WebhookEventType } from '../../entities/webhook-event-type.js';
import { recordEvent } from '../../gateway/webhooks/outbox.js';
import { conversationPayload } from '../../gateway/webhooks/webhook-payloads.js';
import { ParticipantRole } from '../../entities/participant.entity.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { appendMessage, lockConversation } from '../message/message-append.js';
import { isTimestampValue, isUuidValue } from '../pagination/cursor.js';
import { fetchKeysetPage, type Page } from '../pagination/keyset-page.js';
import type { PageRequest } from '../pagination/page-request.js';
import { joinAndRead, joiningRoleOf } from '../participant/read-position.js';
import { conversationListQuery, type ConversationListFilter } from './conversation-list-query.js';
import { changeStatus } from './conversation-status.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';

export interface StartConversation {
  customerId?: string;
  subject?: string;
  channel?: ConversationChannel;
  priority?: ConversationPriority;
}

/** The rules of threads: who may open them, how they move between statuses, who owns them. */
export class ConversationService {
  constructor(
    private readonly scope: TenantScope,
    private readonly realtime: RealtimePublisher,
  ) {}

  get(id: string, field = 'id'): Promise<Conversation> {
    return this.scope.findOne(this.scope.conversations('conversation'), id, field, 'Conversation');
  }

  async list(filter: ConversationListFilter, request: PageRequest): Promise<Page<Conversation> & { count: () => Promise<number> }> {
    const page = await fetchKeysetPage(
      conversationListQuery(this.scope, filter),
      {
        tag: 'conversation',
        keys: ['conversation.lastActivityAt', 'conversation.id'],
        valuesOf: (row) => [row.lastActivityAt.toISOString(), row.id],
        descending: true,
        acceptsCursor: ([at, id]) => isTimestampValue(at) && isUuidValue(id),
      },
      request,
    );
    return { ...page, count: () => conversationListQuery(this.scope, filter).getCount() };
  }

  async start(input: StartConversation): Promise<Conversation> {
    const viewer = this.scope.viewer;
    const customerId = viewer.kind === 'customer' ? viewer.customerId : input.customerId;
    if (viewer.kind === 'customer' && input.customerId && input.customerId !== viewer.customerId) {
      throw badUserInput('customerId', 'Customers start conversations for themselves; leave out "customerId".');
    }
    if (!customerId) throw badUserInput('customerId', 'Say which customer the conversation is with.');
    return this.scope.transaction(async (tx) => {
      const customer = await tx.findOne(tx.customers('customer'), customerId, 'customerId', 'Customer');
      const wantsDefaultThread = viewer.kind === 'customer' && !input.subject;
      if (wantsDefaultThread) {
        const existing = await tx.conversations('conversation').andWhere('conversation.isDefault').getOne();
        if (existing) return existing;
      }
      const now = new Date();
      const conversation = tx.entityManager.create(Conversation, {
        organizationId: tx.organizationId,
        customerId: customer.id,
        subject: input.subject ?? null,
        status: ConversationStatus.OPEN,
        priority: input.priority ?? ConversationPriority.NORMAL,
        channel: input.channel ?? defaultChannelFor(viewer.kind),
        assigneeId: null,
        isDefault: wantsDefaultThread,
        lastSequence: 0,
        messageCount: 0,
        lastMessageId: null,
        lastMessageAt: null,
        lastActivityAt: now,
      });
      // ON CONFLICT covers two tabs opening the widget at once: both get the one default thread.
      const inserted = await tx.entityManager.createQueryBuilder().insert().into(Conversation).values(conversation).orIgnore().execute();
      if ((inserted.raw as unknown[]).length === 0) {
        return tx.conversations('conversation').andWhere('conversation.isDefault').getOneOrFail();
      }
      // TypeORM has filled in the generated id and timestamps from RETURNING.
      const created = conversation;
      await joinAndRead(tx, created, { type: ActorType.CUSTOMER, id: customer.id }, { role: ParticipantRole.CUSTOMER });
      if (viewer.kind !== 'customer') {
        const actor = actorOf(viewer);
        await joinAndRead(tx, created, actor, { role: joiningRoleOf[actor.type] });
      }
      await recordEvent(tx, this.realtime, WebhookEventType.CONVERSATION_CREATED, created.id, { conversation: conversationPayload(created) });
      tx.afterCommit(`conversation:${created.id}`, () => this.realtime.conversationChanged(created));
      return created;
    });
  }

  /** Changes the status and writes a SYSTEM message saying so; setting the current status changes nothing. */
  setStatus(conversationId: string, status: ConversationStatus): Promise<Conversation> {
    return this.scope.transaction(async (tx) => {
      const conversation = await lockConversation(tx, conversationId);
      await changeStatus(tx, this.realtime, conversation, status, actorOf(tx.viewer));
      return conversation;
    });
  }

  /** Assigns to a staff member of the same organization (or nobody) and writes a SYSTEM message. */
  assign(conversationId: string, assigneeId: string | null): Promise<Conversation> {
    return this.scope.transaction(async (tx) => {
      const conversation = await lockConversation(tx, conversationId);
      const assignee = assigneeId ? await tx.findOne(tx.staff('staff'), assigneeId, 'assigneeId', 'Staff member') : null;
      if (conversation.assigneeId === (assignee?.id ?? null)) return conversation;
      const actor = actorOf(tx.viewer);
      const previous = conversation.assigneeId;
      await tx.entityManager.update(Conversation, { id: conversation.id }, { assigneeId: assignee?.id ?? null });
      conversation.assigneeId = assignee?.id ?? null;
      await tx.audit(AuditAction.CONVERSATION_ASSIGNED, { type: 'Conversation', id: conversation.id }, { from: previous, to: conversation.assigneeId });
      await recordEvent(tx, this.realtime, WebhookEventType.CONVERSATION_ASSIGNED, conversation.id, {
        conversation: conversationPayload(conversation),
        previousAssignee: previous ? { __typename: 'StaffMember', id: previous } : null,
      });
      if (previous) {
        await joinAndRead(tx, conversation, { type: ActorType.STAFF, id: previous }, { role: ParticipantRole.AGENT, changeRole: true });
      }
      if (assignee) {
        await joinAndRead(tx, conversation, { type: ActorType.STAFF, id: assignee.id }, { role: ParticipantRole.ASSIGNEE, changeRole: true });
      }
      await appendMessage(tx, this.realtime, conversation, {
        kind: MessageKind.SYSTEM,
        body: assignee ? `Conversation assigned to ${assignee.name}.` : 'Conversation unassigned.',
        systemEvent: { type: SystemEventKind.ASSIGNEE_CHANGED, from: previous, to: assignee?.id ?? null, actorType: actor.type, actorId: actor.id },
      });
      return conversation;
    });
  }

  setPriority(conversationId: string, priority: ConversationPriority): Promise<Conversation> {
    return this.scope.transaction(async (tx) => {
      const conversation = await lockConversation(tx, conversationId);
      await tx.entityManager.update(Conversation, { id: conversation.id }, { priority });
      tx.afterCommit(`conversation:${conversation.id}`, () => this.realtime.conversationChanged(conversation));
      return Object.assign(conversation, { priority });
    });
  }
}

function defaultChannelFor(kind: 'staff' | 'customer' | 'partner'): ConversationChannel {
  return { staff: ConversationChannel.DASHBOARD, customer: ConversationChannel.WIDGET, partner: ConversationChannel.PARTNER }[kind];
}
