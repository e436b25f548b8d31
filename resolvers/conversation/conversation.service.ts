import { ActorType } from '../../entities/actor-type.js';
import {
  Conversation,
  ConversationChannel,
  ConversationPriority,
  ConversationStatus,
} from '../../entities/conversation.entity.js';
import { ParticipantRole } from '../../entities/participant.entity.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import { badUserInput, forbidden } from '../../gateway/errors/domain-error.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { fetchKeysetPage } from '../pagination/keyset-page.js';
import type { Page } from '../pagination/page.js';
import type { PageRequest } from '../pagination/page-request.js';
import { joiningRoleOf } from '../thread/read-position.js';
import { isFinished } from '../thread/status-change.js';
import type { ThreadService } from '../thread/thread.service.js';
import { CONVERSATION_ORDERS, ConversationOrder, filterForOrder } from './conversation-order.js';
import { scheduleSnoozeWake } from './snooze-wake.task.js';
import {
  conversationListQuery,
  joinListedRelations,
  keepListedValues,
  takeListedRelations,
  type ConversationListFilter,
  type ListedRelatedRows,
  type ListedRelations,
} from './conversation-list-query.js';

export interface StartConversation {
  /** Required for staff and partners; a customer starts their own. */
  customerId?: string | null;
  subject?: string | null;
  channel?: ConversationChannel | null;
  priority?: ConversationPriority | null;
}

export interface SetConversationStatus {
  conversationId: string;
  status: ConversationStatus;
}

export interface AssignConversation {
  conversationId: string;
  /** A staff member of the pharmacy, or null to unassign. */
  assigneeId?: string | null;
}

export interface SetConversationPriority {
  conversationId: string;
  priority: ConversationPriority;
}

export interface SnoozeConversation {
  conversationId: string;
  until: Date;
}

/** The longest snooze: a thread set aside for longer is better resolved. */
const MAX_SNOOZE_MS = 366 * 24 * 60 * 60 * 1000;

export interface MarkConversationRead {
  conversationId: string;
  /** Read up to and including this sequence; default: the newest message. */
  sequence?: number | null;
}

/** The rules of threads: who may open them, how they move between statuses, who owns them. */
export class ConversationService {
  constructor(
    private readonly scope: TenantScope,
    private readonly thread: ThreadService,
  ) {}

  get(id: string, field = 'id'): Promise<Conversation> {
    return this.thread.conversation(id, field);
  }

  /** A page of the inbox; `relations` are read in the same statement and handed back as `related`. */
  async list(
    requested: ConversationListFilter,
    request: PageRequest,
    relations: ListedRelations = {},
    order: ConversationOrder = ConversationOrder.NEWEST_ACTIVITY,
  ): Promise<Page<Conversation> & { count: () => Promise<number>; related: ListedRelatedRows }> {
    const filter = filterForOrder(requested, order);
    const page = await fetchKeysetPage(joinListedRelations(this.scope, conversationListQuery(this.scope, filter), relations), CONVERSATION_ORDERS[order], request, keepListedValues);
    const related = takeListedRelations(page.edges.map((edge) => edge.node));
    return { ...page, related, count: () => conversationListQuery(this.scope, filter).getCount() };
  }

  async start(command: StartConversation): Promise<Conversation> {
    const viewer = this.scope.viewer;
    const customerId = viewer.kind === 'customer' ? viewer.customerId : command.customerId;
    if (viewer.kind === 'customer' && command.customerId && command.customerId !== viewer.customerId) {
      throw badUserInput('customerId', 'Customers start conversations for themselves; leave out "customerId".');
    }
    if (!customerId) throw badUserInput('customerId', 'Say which customer the conversation is with.');
    return this.scope.transaction(async (tx) => {
      const customer = await tx.findOne(tx.customers('customer'), customerId, 'customerId', 'Customer');
      const wantsDefaultThread = viewer.kind === 'customer' && !command.subject;
      if (wantsDefaultThread) {
        const existing = await tx.conversations('conversation').andWhere('conversation.isDefault').getOne();
        if (existing) return existing;
      }
      // ON CONFLICT covers two tabs opening the widget at once: both get the one default thread.
      const created = await tx.insertIfAbsent(Conversation, {
        customerId: customer.id,
        subject: command.subject ?? null,
        status: ConversationStatus.OPEN,
        priority: command.priority ?? ConversationPriority.NORMAL,
        channel: command.channel ?? defaultChannelFor(viewer.kind),
        assigneeId: null,
        isDefault: wantsDefaultThread,
        lastSequence: 0,
        messageCount: 0,
        lastMessageId: null,
        lastMessageAt: null,
        lastActivityAt: new Date(),
        snoozedUntil: null,
        awaitingSince: null,
      });
      if (!created) return tx.conversations('conversation').andWhere('conversation.isDefault').getOneOrFail();
      const starter = actorOf(viewer);
      await this.thread.opened(tx, created, [
        { actor: { type: ActorType.CUSTOMER, id: customer.id }, role: ParticipantRole.CUSTOMER },
        ...(viewer.kind === 'customer' ? [] : [{ actor: starter, role: joiningRoleOf[starter.type] }]),
      ]);
      return created;
    });
  }

  /** Changes the status and writes a SYSTEM message saying so; setting the current status changes nothing. */
  setStatus(command: SetConversationStatus): Promise<Conversation> {
    return this.scope.transaction(async (tx) => {
      const conversation = await this.thread.lock(tx, command.conversationId);
      await this.thread.changeStatus(tx, conversation, command.status);
      return conversation;
    });
  }

  /** Assigns to a staff member of the same organization (or nobody) and writes a SYSTEM message. */
  assign(command: AssignConversation): Promise<Conversation> {
    return this.scope.transaction(async (tx) => {
      const conversation = await this.thread.lock(tx, command.conversationId);
      const assignee = command.assigneeId ? await tx.findOne(tx.staff('staff'), command.assigneeId, 'assigneeId', 'Staff member') : null;
      await this.thread.changeAssignee(tx, conversation, assignee);
      return conversation;
    });
  }

  setPriority(command: SetConversationPriority): Promise<Conversation> {
    return this.scope.transaction(async (tx) => {
      const conversation = await this.thread.lock(tx, command.conversationId);
      await tx.update(Conversation, { id: conversation.id }, { priority: command.priority });
      Object.assign(conversation, { priority: command.priority });
      this.thread.conversationChanged(tx, conversation);
      return conversation;
    });
  }

  /**
   * Takes the thread out of the Open tab until `until` (staff only: a snooze is done on the
   * snoozer's behalf when it ends). A finished thread has nothing to wait for.
   */
  snooze(command: SnoozeConversation): Promise<Conversation> {
    const viewer = this.scope.viewer;
    if (viewer.kind !== 'staff') throw forbidden('Only staff members snooze conversations.');
    const now = Date.now();
    if (Number.isNaN(command.until.getTime()) || command.until.getTime() <= now) throw badUserInput('until', 'Snooze until a time in the future.');
    if (command.until.getTime() - now > MAX_SNOOZE_MS) throw badUserInput('until', 'A conversation can be snoozed for at most a year.');
    return this.scope.transaction(async (tx) => {
      const conversation = await this.thread.lock(tx, command.conversationId);
      if (isFinished(conversation.status)) throw badUserInput('conversationId', 'A resolved or closed conversation cannot be snoozed; reopen it first.');
      await this.thread.snooze(tx, conversation, command.until);
      await scheduleSnoozeWake(tx, viewer, conversation.id, command.until);
      return conversation;
    });
  }

  /** Ends a snooze now; the thread keeps its status. Not snoozed: nothing changes. */
  unsnooze(conversationId: string): Promise<Conversation> {
    return this.scope.transaction(async (tx) => {
      const conversation = await this.thread.lock(tx, conversationId);
      // The pending wake-up finds nothing snoozed and does nothing.
      await this.thread.unsnooze(tx, conversation);
      return conversation;
    });
  }

  /** The viewer's own "unread" again: their read position goes back before the other side's newest message. */
  async markUnread(conversationId: string): Promise<Conversation> {
    const conversation = await this.thread.conversation(conversationId);
    if (!(await this.thread.markUnread(conversation))) {
      throw badUserInput('conversationId', 'There is no message from the other side to mark as unread.');
    }
    return conversation;
  }

  /** Moves the viewer's read position forward (never back). */
  async markRead(command: MarkConversationRead): Promise<Conversation> {
    const conversation = await this.thread.conversation(command.conversationId);
    const readThrough = command.sequence ?? conversation.lastSequence;
    if (readThrough > conversation.lastSequence) {
      throw badUserInput('sequence', `The conversation has no message with sequence ${readThrough}.`);
    }
    await this.thread.markRead(conversation, readThrough);
    return conversation;
  }
}

function defaultChannelFor(kind: 'staff' | 'customer' | 'partner'): ConversationChannel {
  return { staff: ConversationChannel.DASHBOARD, customer: ConversationChannel.WIDGET, partner: ConversationChannel.PARTNER }[kind];
}
