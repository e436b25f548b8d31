import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ApiKey } from '../../entities/api-key.entity.js';
import { Attachment } from '../../entities/attachment.entity.js';
import { Conversation } from '../../entities/conversation.entity.js';
import { Customer } from '../../entities/customer.entity.js';
import { Message } from '../../entities/message.entity.js';
import { Organization } from '../../entities/organization.entity.js';
import { Participant } from '../../entities/participant.entity.js';
import { Reaction } from '../../entities/reaction.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { WebhookDelivery } from '../../entities/webhook-delivery.entity.js';
import { WebhookDeliveryAttempt } from '../../entities/webhook-delivery-attempt.entity.js';
import { WebhookEndpoint } from '../../entities/webhook-endpoint.entity.js';
import { OutboxEvent } from '../../entities/outbox-event.entity.js';
import { AuditEvent, type AuditDetails } from '../../entities/audit-event.entity.js';
import { badUserInput, notFound } from '../errors/domain-error.js';
import { actorOf, type SignedInViewer } from '../auth/viewer.js';
import type { AuditAction } from '../audit/audit-action.js';
import { appendAuditEvents } from '../audit/audit-log.js';

/**
 * Who keeps tenants apart. Always both in the product; the tenant probe switches the
 * application's filters off to show that row-level security alone still holds.
 */
export type TenantFilters = 'application-and-database' | 'database-only';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one door to tenant data. Every query builder it hands out is already limited
 * to the viewer's organization, and for a customer to their own conversations, so
 * services and loaders cannot forget a `where`. Behind it stands the database's own
 * wall: the statements run as the viewer's tenant under row-level security (see
 * gateway/database/tenant-context.ts), which would hold even if a filter here were wrong.
 */
export class TenantScope {
  constructor(
    readonly viewer: SignedInViewer,
    private readonly manager: EntityManager,
    /** Set on scopes bound to a transaction: what to run once it has committed. */
    private readonly commitHooks?: Map<string, () => void>,
    /** Where the request came from, for the audit log. */
    readonly clientIp?: string,
    private readonly filters: TenantFilters = 'application-and-database',
  ) {}

  static forViewer(viewer: SignedInViewer, dataSource: DataSource, clientIp?: string, filters?: TenantFilters): TenantScope {
    return new TenantScope(viewer, dataSource.manager, undefined, clientIp, filters);
  }

  get organizationId(): string {
    return this.viewer.organizationId;
  }

  /**
   * Runs `work` in one transaction with a scope bound to it, then the hooks it
   * registered with `afterCommit`. Nested calls join the outer transaction.
   */
  async transaction<T>(work: (scope: TenantScope) => Promise<T>): Promise<T> {
    if (this.manager.queryRunner?.isTransactionActive) return work(this);
    const hooks = new Map<string, () => void>();
    const result = await this.manager.transaction((manager) => work(new TenantScope(this.viewer, manager, hooks, this.clientIp, this.filters)));
    for (const hook of hooks.values()) hook();
    return result;
  }

  /**
   * Runs `hook` once the current transaction commits (never if it rolls back), or
   * at once outside a transaction. A later hook with the same key replaces an earlier
   * one, so e.g. an inbox update is published once, with the final state.
   */
  afterCommit(key: string, hook: () => void): void {
    if (this.commitHooks) this.commitHooks.set(key, hook);
    else hook();
  }

  /**
   * Records what the viewer did in the audit log, in this scope's transaction when it has
   * one (the entry commits or rolls back with the change).
   */
  audit(action: AuditAction, object?: { type: string; id: string }, details?: AuditDetails): Promise<void> {
    return appendAuditEvents(this.manager, [{ organizationId: this.organizationId, actor: actorOf(this.viewer), action, object, ip: this.clientIp, details }]);
  }

  auditEvents(alias = 'auditEvent'): SelectQueryBuilder<AuditEvent> {
    return this.inOrganization(AuditEvent, alias);
  }

  /** The raw manager, for inserts and updates whose rows the caller built from scoped reads. */
  get entityManager(): EntityManager {
    return this.manager;
  }

  organization(): Promise<Organization> {
    return this.manager.getRepository(Organization).findOneByOrFail({ id: this.organizationId });
  }

  conversations(alias = 'conversation'): SelectQueryBuilder<Conversation> {
    const query = this.inOrganization(Conversation, alias);
    if (this.viewer.kind === 'customer' && this.applicationFilters) {
      query.andWhere(`${alias}.customerId = :scopeCustomerId`, { scopeCustomerId: this.viewer.customerId });
    }
    return query;
  }

  messages(alias = 'message'): SelectQueryBuilder<Message> {
    return this.restrictToVisibleConversations(this.inOrganization(Message, alias), `${alias}.conversationId`);
  }

  participants(alias = 'participant'): SelectQueryBuilder<Participant> {
    return this.restrictToVisibleConversations(this.inOrganization(Participant, alias), `${alias}.conversationId`);
  }

  attachments(alias = 'attachment'): SelectQueryBuilder<Attachment> {
    return this.restrictToVisibleConversations(this.inOrganization(Attachment, alias), `${alias}.conversationId`);
  }

  reactions(alias = 'reaction'): SelectQueryBuilder<Reaction> {
    const query = this.inOrganization(Reaction, alias);
    if (this.viewer.kind !== 'customer' || !this.applicationFilters) return query;
    return query.andWhere(
      `${alias}.messageId IN (SELECT m.id FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.customer_id = :scopeCustomerId)`,
      { scopeCustomerId: this.viewer.customerId },
    );
  }

  /** A customer sees only their own customer record. */
  customers(alias = 'customer'): SelectQueryBuilder<Customer> {
    const query = this.inOrganization(Customer, alias);
    if (this.viewer.kind === 'customer' && this.applicationFilters) {
      query.andWhere(`${alias}.id = :scopeCustomerId`, { scopeCustomerId: this.viewer.customerId });
    }
    return query;
  }

  /** Staff names are visible to everyone in the organization: they sign the messages. */
  staff(alias = 'staff'): SelectQueryBuilder<StaffUser> {
    return this.inOrganization(StaffUser, alias);
  }

  apiKeys(alias = 'apiKey'): SelectQueryBuilder<ApiKey> {
    return this.inOrganization(ApiKey, alias);
  }

  webhookEndpoints(alias = 'endpoint'): SelectQueryBuilder<WebhookEndpoint> {
    return this.inOrganization(WebhookEndpoint, alias);
  }

  webhookDeliveries(alias = 'delivery'): SelectQueryBuilder<WebhookDelivery> {
    return this.inOrganization(WebhookDelivery, alias);
  }

  webhookDeliveryAttempts(alias = 'attempt'): SelectQueryBuilder<WebhookDeliveryAttempt> {
    return this.inOrganization(WebhookDeliveryAttempt, alias);
  }

  outboxEvents(alias = 'event'): SelectQueryBuilder<OutboxEvent> {
    return this.inOrganization(OutboxEvent, alias);
  }

  /** The row with this id, or NOT_FOUND (also for ids of other organizations); BAD_USER_INPUT for malformed ids. */
  async findOne<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    id: string,
    field: string,
    what: string,
  ): Promise<T> {
    assertId(id, field);
    const row = await query.andWhere(`${query.alias}.id = :scopeFindId`, { scopeFindId: id }).getOne();
    if (!row) throw notFound(what);
    return row;
  }

  private get applicationFilters(): boolean {
    return this.filters === 'application-and-database';
  }

  private inOrganization<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
    const query = this.manager.getRepository(entity).createQueryBuilder(alias);
    // `1 = 1` keeps callers' `andWhere` valid when there is no filter of ours to follow.
    return this.applicationFilters
      ? query.where(`${alias}.organizationId = :scopeOrganizationId`, { scopeOrganizationId: this.organizationId })
      : query.where('1 = 1');
  }

  private restrictToVisibleConversations<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    conversationColumn: string,
  ): SelectQueryBuilder<T> {
    if (this.viewer.kind !== 'customer' || !this.applicationFilters) return query;
    return query.andWhere(
      `${conversationColumn} IN (SELECT c.id FROM conversation c WHERE c.customer_id = :scopeCustomerId)`,
      { scopeCustomerId: this.viewer.customerId },
    );
  }
}

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Ids are UUIDs; anything else is the caller's mistake, not a missing row. */
export function assertId(id: string, field: string): void {
  if (!isUuid(id)) throw badUserInput(field, `"${field}" is not a valid id.`);
}
