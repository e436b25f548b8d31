import { ActorType } from '../../entities/actor-type.js';
import { ConversationChannel, ConversationStatus } from '../../entities/conversation.entity.js';
import { MessageKind, SystemEventKind } from '../../entities/message.entity.js';
import type { BusinessHoursRange } from '../../entities/organization-settings.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';

/** Median and mean of a set of durations, in seconds; null when nothing was measured. */
export interface DurationSummary {
  count: number;
  medianSeconds: number | null;
  averageSeconds: number | null;
}

export interface StatusCounts {
  byStatus: Record<ConversationStatus, number>;
  openedToday: number;
  unreadConversations: number;
}

export interface TimingBreakdown {
  /** Conversations whose first customer message is in the range, answered or not. */
  askedConversations: number;
  firstResponse: DurationSummary;
  resolution: DurationSummary;
  byChannel: { channel: ConversationChannel; askedConversations: number; firstResponse: DurationSummary; resolution: DurationSummary }[];
  byStaffMember: { staffId: string; firstResponse: DurationSummary; resolution: DurationSummary }[];
}

const EMPTY: DurationSummary = { count: 0, medianSeconds: null, averageSeconds: null };

/**
 * Current counts, in one statement over `scope.conversations()`:
 * - by status;
 * - opened since local midnight in `timeZone`;
 * - unread: OPEN or PENDING, and the newest customer message (not deleted) is past
 *   every staff member's read position (participants' `last_read_sequence`). Partner
 *   integrations reading a thread don't count as the pharmacy having read it.
 */
export async function queryStatusCounts(scope: TenantScope, timeZone: string): Promise<StatusCounts> {
  const query = scope.conversations('conversation').select([]);
  for (const status of Object.values(ConversationStatus)) {
    query.addSelect(`count(*) FILTER (WHERE conversation.status = :status${status})::int`, `status_${status}`);
    query.setParameter(`status${status}`, status);
  }
  const row = await query
    .addSelect(
      `count(*) FILTER (WHERE conversation.created_at >= (date_trunc('day', now() AT TIME ZONE :timeZone) AT TIME ZONE :timeZone))::int`,
      'opened_today',
    )
    .addSelect(
      `count(*) FILTER (WHERE conversation.status IN (:...unreadStatuses) AND EXISTS (
         SELECT 1 FROM message newest
          WHERE newest.conversation_id = conversation.id
            AND newest.kind = :textKind AND newest.sender_type = :customerType AND newest.deleted_at IS NULL
            AND newest.sequence > COALESCE((
              SELECT max(reader.last_read_sequence) FROM participant reader
               WHERE reader.conversation_id = conversation.id AND reader.actor_type = :staffType), 0)))::int`,
      'unread',
    )
    .setParameters({
      timeZone,
      unreadStatuses: [ConversationStatus.OPEN, ConversationStatus.PENDING],
      textKind: MessageKind.TEXT,
      customerType: ActorType.CUSTOMER,
      staffType: ActorType.STAFF,
    })
    .getRawOne<Record<string, number>>();
  return {
    byStatus: Object.fromEntries(Object.values(ConversationStatus).map((status) => [status, row?.[`status_${status}`] ?? 0])) as Record<
      ConversationStatus,
      number
    >,
    openedToday: row?.opened_today ?? 0,
    unreadConversations: row?.unread ?? 0,
  };
}

export interface TimingRequest {
  from: Date;
  to: Date;
  /** Count only seconds inside these opening hours (in `timeZone`); wall-clock seconds when null. */
  businessHours: BusinessHoursRange[] | null;
  timeZone: string;
}

interface TimingRow {
  metric: 'ASKED' | 'FIRST_RESPONSE' | 'RESOLUTION';
  channel: ConversationChannel | null;
  actor_type: string | null;
  actor_id: string | null;
  without_channel: number;
  without_actor: number;
  count: number;
  average: number | null;
  median: number | null;
}

/**
 * First response and resolution times of the conversations whose first customer
 * TEXT message falls in [from, to), in one statement, whatever the data size:
 *
 * - first response: from that message to the first later TEXT message by staff or a
 *   partner (deleted or not: it was sent); the responder is its sender;
 * - resolution: from that message to the first later SYSTEM STATUS_CHANGED → RESOLVED;
 *   the resolver is the event's actor.
 *
 * Each is found with a LATERAL lookup on the (conversation_id, sequence) index. The
 * conversations come from `scope.conversations()` (as a CTE), pruned with the inbox
 * index: one whose last activity is before `from` has no message in the range.
 * Aggregation uses GROUPING SETS: overall, per channel and per actor in one pass;
 * `percentile_cont(0.5)` is the interpolated median. With business hours, durations
 * are `business_seconds(…)` (SQL function, migration 1763820200000).
 */
export async function queryTimings(scope: TenantScope, request: TimingRequest): Promise<TimingBreakdown> {
  const scoped = scope
    .conversations('conversation')
    .select('conversation.id', 'id')
    .addSelect('conversation.channel', 'channel')
    .andWhere('conversation.last_activity_at >= :statsFrom', { statsFrom: request.from });
  const rows = await scope.queryOver<TimingRow>(scoped, (scopedSql, parameter) => {
    const from = parameter(request.from);
    const to = parameter(request.to);
    const businessHoursOnly = parameter(request.businessHours !== null);
    const hours = parameter(JSON.stringify(request.businessHours ?? []));
    const zone = parameter(request.timeZone);
    const text = parameter(MessageKind.TEXT);
    const system = parameter(MessageKind.SYSTEM);
    const customer = parameter(ActorType.CUSTOMER);
    const responders = parameter([ActorType.STAFF, ActorType.PARTNER]);
    const statusChanged = parameter(SystemEventKind.STATUS_CHANGED);
    const resolved = parameter(ConversationStatus.RESOLVED);
    const duration = (start: string, finish: string) =>
      `CASE WHEN ${finish} IS NULL THEN NULL
            WHEN ${businessHoursOnly}::boolean THEN business_seconds(${start}, ${finish}, ${hours}::jsonb, ${zone}::text)
            ELSE extract(epoch FROM ${finish} - ${start})::float8 END`;

    return `WITH scoped AS (${scopedSql}),
       measured AS (
         SELECT scoped.channel,
                first_reply.sender_type::text AS responder_type, first_reply.sender_id::text AS responder_id,
                ${duration('first_ask.created_at', 'first_reply.created_at')} AS response_seconds,
                resolution.actor_type AS resolver_type, resolution.actor_id AS resolver_id,
                ${duration('first_ask.created_at', 'resolution.created_at')} AS resolution_seconds
           FROM scoped
           CROSS JOIN LATERAL (
             SELECT m.sequence, m.created_at FROM message m
              WHERE m.conversation_id = scoped.id AND m.kind = ${text}::message_kind AND m.sender_type = ${customer}::actor_type
              ORDER BY m.sequence LIMIT 1) first_ask
           LEFT JOIN LATERAL (
             SELECT m.sender_type, m.sender_id, m.created_at FROM message m
              WHERE m.conversation_id = scoped.id AND m.kind = ${text}::message_kind
                AND m.sender_type = ANY(${responders}::actor_type[]) AND m.sequence > first_ask.sequence
              ORDER BY m.sequence LIMIT 1) first_reply ON true
           LEFT JOIN LATERAL (
             SELECT m.system_event->>'actorType' AS actor_type, m.system_event->>'actorId' AS actor_id, m.created_at FROM message m
              WHERE m.conversation_id = scoped.id AND m.kind = ${system}::message_kind
                AND m.system_event->>'type' = ${statusChanged} AND m.system_event->>'to' = ${resolved}
                AND m.sequence > first_ask.sequence
              ORDER BY m.sequence LIMIT 1) resolution ON true
          WHERE first_ask.created_at >= ${from} AND first_ask.created_at < ${to}
       ),
       samples AS (
         SELECT 'ASKED' AS metric, channel, NULL::text AS actor_type, NULL::text AS actor_id, NULL::float8 AS seconds FROM measured
         UNION ALL
         SELECT 'FIRST_RESPONSE', channel, responder_type, responder_id, response_seconds FROM measured WHERE response_seconds IS NOT NULL
         UNION ALL
         SELECT 'RESOLUTION', channel, resolver_type, resolver_id, resolution_seconds FROM measured WHERE resolution_seconds IS NOT NULL
       )
       SELECT metric, channel::text AS channel, actor_type, actor_id,
              GROUPING(channel) AS without_channel, GROUPING(actor_type, actor_id) AS without_actor,
              count(*)::int AS count, avg(seconds)::float8 AS average,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median
         FROM samples
        GROUP BY GROUPING SETS ((metric), (metric, channel), (metric, actor_type, actor_id))`;
  });
  return collectTimings(rows);
}

function collectTimings(rows: TimingRow[]): TimingBreakdown {
  const summary = (row: TimingRow | undefined): DurationSummary =>
    row ? { count: row.count, medianSeconds: row.median, averageSeconds: row.average } : EMPTY;
  const overall = (metric: TimingRow['metric']) => rows.find((row) => row.metric === metric && row.without_channel && row.without_actor);
  const perChannel = rows.filter((row) => !row.without_channel);
  const perActor = rows.filter((row) => !row.without_actor && row.actor_type === ActorType.STAFF && row.actor_id);
  const channels = [...new Set(perChannel.map((row) => row.channel!))].sort();
  const staffIds = [...new Set(perActor.map((row) => row.actor_id!))].sort();
  const find = (list: TimingRow[], metric: TimingRow['metric'], key: (row: TimingRow) => boolean) =>
    list.find((row) => row.metric === metric && key(row));
  return {
    askedConversations: overall('ASKED')?.count ?? 0,
    firstResponse: summary(overall('FIRST_RESPONSE')),
    resolution: summary(overall('RESOLUTION')),
    byChannel: channels.map((channel) => ({
      channel,
      askedConversations: find(perChannel, 'ASKED', (row) => row.channel === channel)?.count ?? 0,
      firstResponse: summary(find(perChannel, 'FIRST_RESPONSE', (row) => row.channel === channel)),
      resolution: summary(find(perChannel, 'RESOLUTION', (row) => row.channel === channel)),
    })),
    byStaffMember: staffIds.map((staffId) => ({
      staffId,
      firstResponse: summary(find(perActor, 'FIRST_RESPONSE', (row) => row.actor_id === staffId)),
      resolution: summary(find(perActor, 'RESOLUTION', (row) => row.actor_id === staffId)),
    })),
  };
}
