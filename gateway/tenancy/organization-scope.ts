import type { EntityManager, EntityTarget } from 'typeorm';
import { ApiKey } from '../../entities/api-key.entity.js';
import { Attachment } from '../../entities/attachment.entity.js';
import { Call } from '../../entities/call.entity.js';
import { AuditEvent } from '../../entities/audit-event.entity.js';
import { Conversation } from '../../entities/conversation.entity.js';
import { Customer } from '../../entities/customer.entity.js';
import { Message } from '../../entities/message.entity.js';
import { Organization } from '../../entities/organization.entity.js';
import { OutboxEvent } from '../../entities/outbox-event.entity.js';
import { Participant } from '../../entities/participant.entity.js';
import { Reaction } from '../../entities/reaction.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { WebhookDelivery } from '../../entities/webhook-delivery.entity.js';
import { WebhookDeliveryAttempt } from '../../entities/webhook-delivery-attempt.entity.js';
import { WebhookEndpoint } from '../../entities/webhook-endpoint.entity.js';
import type { AuditEntry } from '../audit/audit-log.js';
import type { ActorRef } from '../../entities/actor-type.js';
import type { AuditDetails } from '../../entities/audit-event.entity.js';
import { MailDelivery } from '../../entities/mail-delivery.entity.js';
import { NoteMention } from '../../entities/note-mention.entity.js';
import { Label } from '../../entities/label.entity.js';
import { NotificationLogEntry } from '../../entities/notification-log-entry.entity.js';
import { NotificationLink } from '../../entities/notification-link.entity.js';
import { PasswordReset } from '../../entities/password-reset.entity.js';
import { RecoveryCode } from '../../entities/recovery-code.entity.js';
import { StaffInvitation } from '../../entities/staff-invitation.entity.js';
import { StaffSession } from '../../entities/staff-session.entity.js';
import { StaffNotificationPreference } from '../../entities/staff-notification-preference.entity.js';
import { StaffPushSubscription } from '../../entities/staff-push-subscription.entity.js';
import { SavedReply } from '../../entities/saved-reply.entity.js';
import { ChannelConnection } from '../../entities/channel-connection.entity.js';
import { ChannelInboundMessage } from '../../entities/channel-inbound-message.entity.js';
import { MessageDelivery } from '../../entities/message-delivery.entity.js';
import type { AuditAction } from '../audit/audit-action.js';
import { enqueueJob, type JobSpec } from '../jobs/enqueue-job.js';
import { badUserInput, notFound } from '../errors/domain-error.js';
import type { NewRow, Row, RowChanges, RowCriteria, ScopedQuery } from './scoped-query.js';
import { withTenant, type DatabaseTenant } from './tenant-context.js';
import { audienceCondition, audienceSees, MessageAudience, type AudienceFacts } from './message-audience.js';
import { isOperationManager } from './operation-transaction.js';
import { assertNamesOrganization, limitToTenant, runStatement, tenantColumnOf, tenantRow } from './tenant-rows.js';

/**
 * Who keeps tenants apart. Always both in the product; the tenant probe switches the
 * application's filters off to show that row-level security alone still holds.
 */
export type TenantFilters = 'application-and-database' | 'database-only';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One tenant's rows, and nothing else: the door to tenant data for reading and for writing.
 * Every query builder it hands out is already limited to the organization (and for a
 * customer to their own conversations), and every insert, update and delete it runs fills
 * in and checks the organization, so callers cannot forget a `where`. Behind it stands the
 * database's own wall: statements run as the tenant under row-level security
 * (tenant-context.ts), which would hold even if a filter here were wrong.
 *
 * This class serves work without a viewer (background jobs, pre-authentication steps:
 * `TenantDatabase.asTenant`); a request's scope is a TenantScope, which adds the viewer.
 */
export class OrganizationScope {
  constructor(
    readonly tenant: DatabaseTenant,
    protected readonly manager: EntityManager,
    protected readonly filters: TenantFilters = 'application-and-database',
    /** Set on scopes bound to a transaction: what to run once it has committed. */
    protected readonly commitHooks?: Map<string, () => void>,
  ) {}

  get organizationId(): string {
    return this.tenant.organizationId;
  }

  /** The same tenant on another manager (a transaction's); subclasses keep what they add. */
  protected bind(manager: EntityManager, commitHooks: Map<string, () => void>): this {
    return new OrganizationScope(this.tenant, manager, this.filters, commitHooks) as this;
  }

  /**
   * Runs `work` in one transaction with a scope bound to it, then the hooks it
   * registered with `afterCommit`. Nested calls join the outer transaction.
   */
  async transaction<T>(work: (scope: this) => Promise<T>, options: { isolation?: 'REPEATABLE READ' } = {}): Promise<T> {
    // A read operation's transaction (operation-transaction.ts) is not joined: a service's
    // transaction is its own, on a connection of its own, exactly as in a mutation.
    const operation = isOperationManager(this.manager);
    if (this.manager.queryRunner?.isTransactionActive && !operation) return work(this);
    const manager = operation ? this.manager.connection.manager : this.manager;
    const hooks = new Map<string, () => void>();
    const bound = (transactional: EntityManager) => work(this.bind(transactional, hooks));
    const open = () => (options.isolation ? manager.transaction(options.isolation, bound) : manager.transaction(bound));
    // The operation's tenant is its own (the pipeline also binds it around the operation).
    const result = operation ? await withTenant(this.tenant, open) : await open();
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

  // Reading.

  /** The organization's own row (one, by its id). */
  organizations(alias = 'organization'): ScopedQuery<Organization> {
    return this.manager.getRepository(Organization).createQueryBuilder(alias).where(`${alias}.id = :scopeOrganizationId`, { scopeOrganizationId: this.organizationId });
  }

  organization(): Promise<Organization> {
    return this.organizations('organization').getOneOrFail();
  }

  conversations(alias = 'conversation'): ScopedQuery<Conversation> {
    const query = this.inOrganization(Conversation, alias);
    if (this.customerId) query.andWhere(`${alias}.customerId = :scopeCustomerId`, { scopeCustomerId: this.customerId });
    return query;
  }

  /**
   * The messages of the scope's conversations that `audience` may see (message-audience.ts):
   * by default the viewer's own; an export made for a customer asks for the customer's.
   */
  messages(alias = 'message', audience: MessageAudience = this.messageAudience): ScopedQuery<Message> {
    const query = this.restrictToVisibleConversations(this.inOrganization(Message, alias), `${alias}.conversationId`);
    return audience === MessageAudience.TEAM ? query : query.andWhere(audienceCondition(audience, alias));
  }

  /** Whose eyes this scope reads for: a customer's tenant reads as the customer, everyone else as the team. */
  get messageAudience(): MessageAudience {
    return this.tenant.customerId ? MessageAudience.CUSTOMER : MessageAudience.TEAM;
  }

  /** Whether this scope's reader may see a message it already holds (a live event's, a published last message). */
  sees(message: AudienceFacts): boolean {
    return audienceSees(this.messageAudience, message);
  }

  /** The audience rule as SQL over a message row named `alias`, for statements written by hand (`TRUE` for the team). */
  messageAudienceCondition(alias: string): string {
    return audienceCondition(this.messageAudience, alias);
  }

  participants(alias = 'participant'): ScopedQuery<Participant> {
    return this.restrictToVisibleConversations(this.inOrganization(Participant, alias), `${alias}.conversationId`);
  }

  /** Files of the messages the reader may see (and files not yet on a message). */
  attachments(alias = 'attachment'): ScopedQuery<Attachment> {
    const query = this.restrictToVisibleConversations(this.inOrganization(Attachment, alias), `${alias}.conversationId`);
    if (this.messageAudience === MessageAudience.TEAM) return query;
    return query.andWhere(
      `NOT EXISTS (SELECT 1 FROM message unseen WHERE unseen.id = ${alias}.messageId AND NOT (${this.messageAudienceCondition('unseen')}))`,
    );
  }

  reactions(alias = 'reaction'): ScopedQuery<Reaction> {
    const query = this.inOrganization(Reaction, alias);
    if (this.customerId) {
      query.andWhere(
        `${alias}.messageId IN (SELECT m.id FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.customer_id = :scopeCustomerId)`,
        { scopeCustomerId: this.customerId },
      );
    }
    if (this.messageAudience === MessageAudience.TEAM) return query;
    return query.andWhere(`EXISTS (SELECT 1 FROM message seen WHERE seen.id = ${alias}.messageId AND ${this.messageAudienceCondition('seen')})`);
  }

  /** A customer sees only their own customer record. */
  customers(alias = 'customer'): ScopedQuery<Customer> {
    const query = this.inOrganization(Customer, alias);
    if (this.customerId) query.andWhere(`${alias}.id = :scopeCustomerId`, { scopeCustomerId: this.customerId });
    return query;
  }

  /** Staff names are visible to everyone in the organization: they sign the messages. */
  staff(alias = 'staff'): ScopedQuery<StaffUser> {
    return this.inOrganization(StaffUser, alias);
  }

  apiKeys(alias = 'apiKey'): ScopedQuery<ApiKey> {
    return this.inOrganization(ApiKey, alias);
  }

  webhookEndpoints(alias = 'endpoint'): ScopedQuery<WebhookEndpoint> {
    return this.inOrganization(WebhookEndpoint, alias);
  }

  webhookDeliveries(alias = 'delivery'): ScopedQuery<WebhookDelivery> {
    return this.inOrganization(WebhookDelivery, alias);
  }

  webhookDeliveryAttempts(alias = 'attempt'): ScopedQuery<WebhookDeliveryAttempt> {
    return this.inOrganization(WebhookDeliveryAttempt, alias);
  }

  outboxEvents(alias = 'event'): ScopedQuery<OutboxEvent> {
    return this.inOrganization(OutboxEvent, alias);
  }

  auditEvents(alias = 'auditEvent'): ScopedQuery<AuditEvent> {
    return this.inOrganization(AuditEvent, alias);
  }

  // Accounts (issue 17): invitations, sessions, password resets, recovery codes, outgoing e-mail.

  staffInvitations(alias = 'invitation'): ScopedQuery<StaffInvitation> {
    return this.inOrganization(StaffInvitation, alias);
  }

  staffSessions(alias = 'session'): ScopedQuery<StaffSession> {
    return this.inOrganization(StaffSession, alias);
  }

  passwordResets(alias = 'reset'): ScopedQuery<PasswordReset> {
    return this.inOrganization(PasswordReset, alias);
  }

  recoveryCodes(alias = 'recoveryCode'): ScopedQuery<RecoveryCode> {
    return this.inOrganization(RecoveryCode, alias);
  }

  mailDeliveries(alias = 'delivery'): ScopedQuery<MailDelivery> {
    return this.inOrganization(MailDelivery, alias);
  }

  // Pharmacy workflow (issue 19).

  /** Colleagues named in internal notes; staff read only their own (the service asks for them). */
  noteMentions(alias = 'mention'): ScopedQuery<NoteMention> {
    return this.inOrganization(NoteMention, alias);
  }

  /** The pharmacy's labels; who may read them is the API's permissions' business (READ_LABELS). */
  labels(alias = 'label'): ScopedQuery<Label> {
    return this.inOrganization(Label, alias);
  }

  /** Saved replies, shared and personal; a personal one is its owner's alone (the service asks for the viewer's). */
  savedReplies(alias = 'savedReply'): ScopedQuery<SavedReply> {
    return this.inOrganization(SavedReply, alias);
  }

  /** Video calls (issue 21), of the conversations the scope sees: a customer's, their own threads' only. */
  calls(alias = 'call'): ScopedQuery<Call> {
    return this.restrictToVisibleConversations(this.inOrganization(Call, alias), `${alias}.conversationId`);
  }

  /** Notifications to customers and staff (issue 18): what admins see in the notification log. */
  notificationLog(alias = 'entry'): ScopedQuery<NotificationLogEntry> {
    return this.inOrganization(NotificationLogEntry, alias);
  }

  /** The single-use chat links in customer notifications. */
  notificationLinks(alias = 'link'): ScopedQuery<NotificationLink> {
    return this.inOrganization(NotificationLink, alias);
  }

  // Staff notifications (issue 18): preferences and Web Push subscriptions.

  staffNotificationPreferences(alias = 'preference'): ScopedQuery<StaffNotificationPreference> {
    return this.inOrganization(StaffNotificationPreference, alias);
  }

  staffPushSubscriptions(alias = 'subscription'): ScopedQuery<StaffPushSubscription> {
    return this.inOrganization(StaffPushSubscription, alias);
  }

  // WhatsApp and SMS channels (issue 22): connections, outbound deliveries, inbound ids seen.

  channelConnections(alias = 'connection'): ScopedQuery<ChannelConnection> {
    return this.inOrganization(ChannelConnection, alias);
  }

  messageDeliveries(alias = 'delivery'): ScopedQuery<MessageDelivery> {
    return this.restrictToVisibleConversations(this.inOrganization(MessageDelivery, alias), `${alias}.conversationId`);
  }

  channelInboundMessages(alias = 'inbound'): ScopedQuery<ChannelInboundMessage> {
    return this.inOrganization(ChannelInboundMessage, alias);
  }

  /** Whether `email` (lower-cased) signs in anywhere: staff addresses are unique across pharmacies. */
  async emailHasAccount(email: string): Promise<boolean> {
    const rows: { organization_id: string | null }[] = await this.manager.query(`SELECT counterchat_tenant_of_staff_email($1) AS organization_id`, [email]);
    return Boolean(rows[0]?.organization_id);
  }

  /** Adds a background job in this scope's transaction: it commits or rolls back with the change (gateway/jobs/). */
  enqueueJob<Payload>(job: JobSpec<Payload>): Promise<void> {
    return enqueueJob((sql, parameters) => this.manager.query(sql, parameters), job);
  }

  /**
   * The same rows and transaction, with `actor` (null: the system, the operator) and where
   * the work was asked from named in the audit log: background work done for someone, or a
   * step before anyone is signed in (accepting an invitation, resetting a password).
   */
  actingAs(actor: ActorRef | null, clientIp?: string): ActorScope {
    return new ActorScope(this.tenant, this.manager, this.filters, this.commitHooks, actor, clientIp);
  }

  /** The row with this id, or NOT_FOUND (also for ids of other organizations); BAD_USER_INPUT for malformed ids. */
  async findOne<T extends Row>(query: ScopedQuery<T>, id: string, field: string, what: string): Promise<T> {
    assertId(id, field);
    const row = await query.andWhere(`${query.alias}.id = :scopeFindId`, { scopeFindId: id }).getOne();
    if (!row) throw notFound(what);
    return row;
  }

  // Writing.

  /**
   * Inserts a row of this tenant: `organizationId` is filled in, and a row naming another
   * organization is refused. It comes back with its generated columns (id, times).
   */
  async insert<T extends Row>(entity: EntityTarget<T>, value: NewRow<T>): Promise<T> {
    const [row] = await this.insertMany(entity, [value]);
    return row!;
  }

  /** As `insert`, for several rows in one statement. */
  async insertMany<T extends Row>(entity: EntityTarget<T>, values: readonly NewRow<T>[]): Promise<T[]> {
    const rows = values.map((value) => this.tenantRow(entity, value));
    if (rows.length > 0) await this.manager.insert(entity, rows as object[]);
    return rows;
  }

  /** Inserts one row unless a unique index already holds its twin (ON CONFLICT DO NOTHING): null then. */
  async insertIfAbsent<T extends Row>(entity: EntityTarget<T>, value: NewRow<T>): Promise<T | null> {
    const row = this.tenantRow(entity, value);
    const inserted = await this.manager.createQueryBuilder().insert().into(entity).values(row as object).orIgnore().execute();
    // RETURNING yields a row only for an insert that happened; TypeORM has put its generated columns on `row`.
    return (inserted.raw as unknown[]).length > 0 ? row : null;
  }

  /** Updates this tenant's rows that match `where` (a customer's: their own); how many changed. */
  async update<T extends Row>(entity: EntityTarget<T>, where: RowCriteria<T>, changes: RowChanges<T>): Promise<number> {
    const { property } = tenantColumnOf(this.metadataOf(entity));
    if (property in changes && (changes as Row)[property] !== this.organizationId) throw new Error('A row never moves to another organization.');
    const query = this.manager.createQueryBuilder().update(entity).set(changes);
    const result = await limitToTenant(query, this.metadataOf(entity), where, this.writeFilter).execute();
    return result.affected ?? 0;
  }

  /** Deletes this tenant's rows that match `where` (a customer's: their own); how many went. */
  async delete<T extends Row>(entity: EntityTarget<T>, where: RowCriteria<T>): Promise<number> {
    const query = this.manager.createQueryBuilder().delete().from(entity);
    const result = await limitToTenant(query, this.metadataOf(entity), where, this.writeFilter).execute();
    return result.affected ?? 0;
  }

  /**
   * One SQL statement for what a query builder can't say in one round trip (an upsert with
   * GREATEST, a CTE writing two tables, a batched purge). `$1` is always this organization,
   * filled in here, and the statement must use it; the caller's parameters are `$2`… It runs
   * as the tenant, so row-level security still holds. Rows: the SELECT's or the RETURNING's.
   */
  async query<R extends Row = Row>(sql: string, parameters: readonly unknown[] = []): Promise<R[]> {
    return (await runStatement(this.manager, assertNamesOrganization(sql), [this.organizationId, ...parameters])).records as R[];
  }

  /** As `query`, for an UPDATE or DELETE whose rows aren't needed: how many it changed. */
  async execute(sql: string, parameters: readonly unknown[] = []): Promise<number> {
    return (await runStatement(this.manager, assertNamesOrganization(sql), [this.organizationId, ...parameters])).affected ?? 0;
  }

  /**
   * One statement over a scoped query (as a subquery or CTE), for reports a builder can't
   * express: `compose` receives the scoped SQL and adds its own parameters with `parameter`.
   */
  async queryOver<R extends Row>(scoped: ScopedQuery<Row>, compose: (scopedSql: string, parameter: (value: unknown) => string) => string): Promise<R[]> {
    const [scopedSql, parameters] = scoped.getQueryAndParameters();
    const parameter = (value: unknown) => `$${parameters.push(value)}`;
    const sql = compose(scopedSql, parameter);
    return (await runStatement(this.manager, sql, parameters)).records as R[];
  }

  /**
   * Appends to the audit log, in this scope's transaction when it has one (the entries commit
   * or roll back with the change). One statement of arrays, without RETURNING: nobody reads an
   * entry back, and reads are audited on every inbox page and replayed event, where building
   * and hydrating an ORM insert cost more than the statement itself.
   */
  async appendAudit(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const column = <V>(value: (entry: AuditEntry) => V | null | undefined) => entries.map((entry) => value(entry) ?? null);
    await this.execute(
      `INSERT INTO audit_event (organization_id, actor_type, actor_id, action, object_type, object_id, ip, details)
       SELECT $1::uuid, * FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::jsonb[])`,
      [
        column((entry) => entry.actor?.type),
        column((entry) => entry.actor?.id),
        column((entry) => entry.action),
        column((entry) => entry.object?.type),
        column((entry) => entry.object?.id),
        column((entry) => entry.ip),
        column((entry) => (entry.details ? JSON.stringify(entry.details) : null)),
      ],
    );
  }

  protected get applicationFilters(): boolean {
    return this.filters === 'application-and-database';
  }

  /** For a customer (and application filters on): their id, which narrows rows to their own conversations. */
  protected get customerId(): string | undefined {
    return this.applicationFilters ? this.tenant.customerId : undefined;
  }

  private inOrganization<T extends Row>(entity: EntityTarget<T>, alias: string): ScopedQuery<T> {
    const query = this.manager.getRepository(entity).createQueryBuilder(alias);
    // `1 = 1` keeps callers' `andWhere` valid when there is no filter of ours to follow.
    return this.applicationFilters
      ? query.where(`${alias}.organizationId = :scopeOrganizationId`, { scopeOrganizationId: this.organizationId })
      : query.where('1 = 1');
  }

  private restrictToVisibleConversations<T extends Row>(query: ScopedQuery<T>, conversationColumn: string): ScopedQuery<T> {
    if (!this.customerId) return query;
    return query.andWhere(`${conversationColumn} IN (SELECT c.id FROM conversation c WHERE c.customer_id = :scopeCustomerId)`, {
      scopeCustomerId: this.customerId,
    });
  }

  /** Whose rows an update or delete may touch: none of ours without application filters (row-level security alone). */
  private get writeFilter(): { organizationId: string; customerId?: string } | undefined {
    return this.applicationFilters ? { organizationId: this.organizationId, customerId: this.customerId } : undefined;
  }

  private tenantRow<T extends Row>(entity: EntityTarget<T>, value: NewRow<T>): T {
    return tenantRow(this.manager, entity, value, this.organizationId, this.applicationFilters);
  }

  private metadataOf(entity: EntityTarget<Row>) {
    return this.manager.connection.getMetadata(entity);
  }
}

/** An OrganizationScope that knows who acts, for the audit log (a request's TenantScope knows its viewer). */
export class ActorScope extends OrganizationScope {
  constructor(
    tenant: DatabaseTenant,
    manager: EntityManager,
    filters: TenantFilters,
    commitHooks: Map<string, () => void> | undefined,
    readonly actor: ActorRef | null,
    readonly clientIp?: string,
  ) {
    super(tenant, manager, filters, commitHooks);
  }

  protected override bind(manager: EntityManager, commitHooks: Map<string, () => void>): this {
    return new ActorScope(this.tenant, manager, this.filters, commitHooks, this.actor, this.clientIp) as this;
  }

  audit(action: AuditAction, object?: { type: string; id: string }, details?: AuditDetails): Promise<void> {
    return this.appendAudit([{ actor: this.actor, action, object, ip: this.clientIp, details }]);
  }
}

/** A scope that records who acts: a request's TenantScope, or an ActorScope. What the accounts' services take. */
export type AuditingScope = OrganizationScope & {
  readonly clientIp?: string;
  audit(action: AuditAction, object?: { type: string; id: string }, details?: AuditDetails): Promise<void>;
};

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Ids are UUIDs; anything else is the caller's mistake, not a missing row. */
export function assertId(id: string, field: string): void {
  if (!isUuid(id)) throw badUserInput(field, `"${field}" is not a valid id.`);
}
