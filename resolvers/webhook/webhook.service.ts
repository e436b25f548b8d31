import { randomBytes } from 'node:crypto';
import { WebhookDelivery, WebhookDeliveryStatus } from '../../entities/webhook-delivery.entity.js';
import type { WebhookDeliveryAttempt } from '../../entities/webhook-delivery-attempt.entity.js';
import { WebhookAudience, WebhookEndpoint } from '../../entities/webhook-endpoint.entity.js';
import type { WebhookEventType } from '../../entities/webhook-event-type.js';
import type { OutboxEvent } from '../../entities/outbox-event.entity.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import { assertPermissions } from '../../gateway/auth/auth-checker.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import { assertId, type TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { isTimestampValue, isUuidValue } from '../pagination/cursor.js';
import { fetchKeysetPage } from '../pagination/keyset-page.js';
import type { Page } from '../pagination/page.js';
import type { PageRequest } from '../pagination/page-request.js';
import { checkWebhookUrl } from './webhook-url.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';

/** An organization may not flood its own workers: more endpoints than this is a mistake. */
const MAX_ENDPOINTS_PER_ORGANIZATION = 20;

export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpoint;
  /** Returned at creation and rotation only. */
  secret: string;
}

export interface CreateWebhookEndpoint {
  url: string;
  events: WebhookEventType[];
  description?: string | null;
  /** CUSTOMER (the default): never team-only messages. */
  audience?: WebhookAudience | null;
}

/** Only the given fields change. */
export interface UpdateWebhookEndpoint {
  id: string;
  url?: string | null;
  events?: WebhookEventType[] | null;
  description?: string | null;
  enabled?: boolean | null;
  audience?: WebhookAudience | null;
}

export interface WebhookDeliveryFilter {
  endpointId?: string | null;
  status?: WebhookDeliveryStatus | null;
}

/** Registering receivers, reading the delivery log and redelivering. */
export class WebhookService {
  constructor(
    private readonly scope: TenantScope,
    private readonly realtime: RealtimePublisher,
    private readonly options: { production: boolean },
  ) {}

  endpoints(): Promise<WebhookEndpoint[]> {
    return this.scope.webhookEndpoints('endpoint').orderBy('endpoint.createdAt', 'ASC').getMany();
  }

  endpoint(id: string, field = 'id'): Promise<WebhookEndpoint> {
    return this.scope.findOne(this.scope.webhookEndpoints('endpoint'), id, field, 'Webhook endpoint');
  }

  async create(input: CreateWebhookEndpoint): Promise<CreatedWebhookEndpoint> {
    const url = checkWebhookUrl(input.url, this.options);
    const count = await this.scope.webhookEndpoints('endpoint').getCount();
    if (count >= MAX_ENDPOINTS_PER_ORGANIZATION) {
      throw badUserInput('url', `A pharmacy can register at most ${MAX_ENDPOINTS_PER_ORGANIZATION} webhook endpoints.`);
    }
    this.assertMayReceiveNotes(input.audience);
    const secret = newSigningSecret();
    const endpoint = await this.scope.insert(WebhookEndpoint, {
      url,
      events: [...new Set(input.events)],
      description: input.description?.trim() || null,
      audience: input.audience ?? WebhookAudience.CUSTOMER,
      secret,
      enabled: true,
    });
    await this.scope.audit(AuditAction.WEBHOOK_ENDPOINT_CREATED, { type: 'WebhookEndpoint', id: endpoint.id }, { url: endpoint.url });
    return { endpoint, secret };
  }

  async update(changes: UpdateWebhookEndpoint): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoint(changes.id);
    const patch: Partial<WebhookEndpoint> = {};
    if (changes.url !== undefined && changes.url !== null) patch.url = checkWebhookUrl(changes.url, this.options);
    if (changes.events) patch.events = [...new Set(changes.events)];
    if (changes.description !== undefined) patch.description = changes.description?.trim() || null;
    if (changes.enabled !== undefined && changes.enabled !== null) patch.enabled = changes.enabled;
    if (changes.audience) patch.audience = this.assertMayReceiveNotes(changes.audience) ?? undefined;
    if (Object.keys(patch).length === 0) return endpoint;
    await this.scope.update(WebhookEndpoint, { id: endpoint.id }, { ...patch, updatedAt: new Date() });
    // Re-enabling releases the deliveries that waited.
    if (patch.enabled) this.realtime.webhooksQueued();
    return this.endpoint(endpoint.id);
  }

  /** Only a viewer who may read internal notes may point an endpoint at them (a key: notes:read). */
  private assertMayReceiveNotes(audience: WebhookAudience | null | undefined): WebhookAudience | null | undefined {
    if (audience === WebhookAudience.TEAM) assertPermissions(this.scope.viewer, [Permission.READ_NOTES]);
    return audience;
  }

  /** Its pending deliveries and their log go with it. */
  async delete(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoint(id);
    await this.scope.delete(WebhookEndpoint, { id: endpoint.id });
    await this.scope.audit(AuditAction.WEBHOOK_ENDPOINT_DELETED, { type: 'WebhookEndpoint', id: endpoint.id }, { url: endpoint.url });
    return endpoint;
  }

  /** The old secret stops signing at once: roll the receiver over first, or accept both briefly. */
  async rotateSecret(id: string): Promise<CreatedWebhookEndpoint> {
    const endpoint = await this.endpoint(id);
    const secret = newSigningSecret();
    await this.scope.update(WebhookEndpoint, { id: endpoint.id }, { secret, updatedAt: new Date() });
    await this.scope.audit(AuditAction.WEBHOOK_SECRET_ROTATED, { type: 'WebhookEndpoint', id: endpoint.id });
    return { endpoint: await this.endpoint(endpoint.id), secret };
  }

  deliveries(filter: WebhookDeliveryFilter, request: PageRequest): Promise<Page<WebhookDelivery>> {
    const query = this.scope.webhookDeliveries('delivery');
    if (filter.endpointId) {
      assertId(filter.endpointId, 'endpointId');
      query.andWhere('delivery.endpointId = :endpointId', { endpointId: filter.endpointId });
    }
    if (filter.status) query.andWhere('delivery.status = :status', { status: filter.status });
    return fetchKeysetPage(
      query,
      {
        tag: 'webhook-delivery',
        keys: ['delivery.createdAt', 'delivery.id'],
        valuesOf: (row) => [row.createdAt.toISOString(), row.id],
        descending: true,
        acceptsCursor: ([at, id]) => isTimestampValue(at) && isUuidValue(id),
      },
      request,
    );
  }

  /** Sends it again soon with a fresh retry schedule, whatever its status; same event id. */
  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await this.scope.findOne(this.scope.webhookDeliveries('delivery'), deliveryId, 'deliveryId', 'Webhook delivery');
    await this.scope.update(
      WebhookDelivery,
      { id: delivery.id },
      { status: WebhookDeliveryStatus.PENDING, nextAttemptAt: () => 'now()', scheduleStartedAtAttempt: () => 'attempt_count' },
    );
    this.realtime.webhooksQueued();
    return this.scope.findOne(this.scope.webhookDeliveries('delivery'), delivery.id, 'deliveryId', 'Webhook delivery');
  }

  attempts(deliveryId: string): Promise<WebhookDeliveryAttempt[]> {
    return this.scope.webhookDeliveryAttempts('attempt').andWhere('attempt.deliveryId = :deliveryId', { deliveryId }).orderBy('attempt.attempt', 'ASC').getMany();
  }

  event(eventId: string): Promise<OutboxEvent> {
    return this.scope.outboxEvents('event').andWhere('event.id = :eventId', { eventId }).getOneOrFail();
  }
}

function newSigningSecret(): string {
  return `ccwh_${randomBytes(32).toString('base64url')}`;
}
