import { Repeater } from '@repeaterjs/repeater';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import { ConversationEventKind, EVENT_VERSION, type ConversationEventPayload } from '../../gateway/pubsub/event-payloads.js';
import { publishedMessage } from '../../gateway/pubsub/published-rows.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { loadMessageRelations } from '../message/message-relations.js';
import { threadOf } from '../thread/request-thread.js';

const CATCH_UP_BATCH = 200;

/**
 * One read of the replay: up to a batch of messages after a sequence, as the events a stream
 * sends. Streams that share their start (sharedStartKey) share these objects too, so the event
 * multiplexer resolves each replayed message once for a group of them, as it does live events.
 */
interface ReplayBatch {
  /** How many messages the read found (a full batch: there may be more). */
  found: number;
  events: ConversationEventPayload[];
}

/**
 * Events of one conversation the viewer may see (checked once, here). With
 * `afterSequence`, it first replays every message numbered above it, then goes
 * live: it listens before it reads, and drops live additions it already replayed,
 * so a reconnecting client gets exactly what it missed, in order.
 *
 * The check and the replay's first batch share one transaction: a reconnect storm is
 * thousands of these at once, and each was two transactions (the check's statement wrapped
 * in BEGIN and COMMIT of its own, then the batch's). So the stream listens from inside that
 * transaction, before the batch is read, and holds what it hears until the replay is over.
 * Staff of one pharmacy share that transaction when they start together (sharedStartKey):
 * each then listens before it joins, so before the shared batch is read, as above.
 */
export async function conversationEventStream(
  context: RequestContext,
  conversationId: string,
  afterSequence: number | null | undefined,
): Promise<AsyncIterable<ConversationEventPayload>> {
  if (afterSequence !== null && afterSequence !== undefined && (!Number.isSafeInteger(afterSequence) || afterSequence < 0)) {
    throw badUserInput('afterSequence', '"afterSequence" must be a sequence number (0 or more).');
  }
  const { bus } = context.gateway.realtime;
  const held: ConversationEventPayload[] = [];
  let hear: (event: ConversationEventPayload) => void = (event) => void held.push(event);
  let stopListening = () => {};
  const open = (listen: boolean) =>
    context.scope.transaction(async (scope): Promise<StreamStart> => {
      const conversation = await threadOf(context).conversation(conversationId, 'conversationId', scope);
      if (listen) stopListening = bus.on('conversation', conversation.id, (event) => hear(event));
      const first = afterSequence === null || afterSequence === undefined ? undefined : await replayBatch(scope, conversation, afterSequence, () => false);
      return { conversation, first };
    });
  let opened: StreamStart;
  try {
    const shared = sharedStartKey(context, conversationId, afterSequence);
    if (shared) {
      // Listening first, on the id as the database writes it, then the start others share.
      stopListening = bus.on('conversation', conversationId, (event) => hear(event));
      opened = await context.gateway.realtime.starts.start(shared, () => open(false));
    } else opened = await open(true);
  } catch (error) {
    stopListening();
    throw error;
  }
  const { conversation, first } = opened;
  context.readAudit.conversationRead(conversation.id, { live: true });

  // With a tail (a socket's subscription) every event is handed to it, the replay included,
  // and nothing is pushed to be pulled: the two ways could send events out of order.
  const tail = context.liveTail;
  const stream = new Repeater<ConversationEventPayload>(async (push, stop) => {
    const send = tail ? (event: ConversationEventPayload) => tail.own(event) : push;
    let lastAdded = afterSequence ?? Number.POSITIVE_INFINITY;
    const deliver = (event: ConversationEventPayload) => {
      // Team-only messages never reach a customer's stream (message-audience.ts); the replay reads through the scope, which filters them alike.
      if (event.kind !== ConversationEventKind.READ && !context.scope.sees(event.message)) return;
      if (event.kind === ConversationEventKind.MESSAGE_ADDED) {
        // Replayed already, or published twice: each sequence goes out once.
        if (Number.isFinite(lastAdded) && event.message.sequence <= lastAdded) return;
        lastAdded = event.message.sequence;
      }
      if (tail) tail.live(event);
      else void push(event);
    };
    // A client that completes mid-replay (or closes its socket) stops the replay too.
    let stopped = false;
    void stop.then(() => (stopped = true));
    try {
      let batch = first;
      while (batch && !stopped) {
        for (const event of batch.events) {
          if (event.kind === ConversationEventKind.MESSAGE_ADDED) lastAdded = event.message.sequence;
          await send(event);
        }
        if (batch.found < CATCH_UP_BATCH || stopped) break;
        const after = lastAdded;
        // One transaction for the batch and its relations (a statement each): outside one,
        // every statement would be wrapped in BEGIN and COMMIT of its own.
        batch = await context.scope.transaction((scope) => replayBatch(scope, conversation, after, () => stopped));
      }
      hear = deliver;
      held.splice(0).forEach(deliver);
      await stop;
    } finally {
      stopListening();
    }
  });
  // A stream that graphql-ws drops before pulling from it (completed, or its socket closed,
  // while it was being set up) never runs the body above: it must stop listening all the same.
  return endingWith(stream, () => stopListening());
}

/** `stream`, which runs `atEnd` when its consumer ends it, whether or not it ever pulled. */
function endingWith<T>(stream: AsyncIterableIterator<T>, atEnd: () => void): AsyncIterableIterator<T> {
  const ending: AsyncIterableIterator<T> = {
    next: () => stream.next(),
    return: (value?: unknown) => {
      atEnd();
      return stream.return ? stream.return(value) : Promise.resolve({ done: true as const, value: undefined });
    },
    throw: (error?: unknown) => (stream.throw ? stream.throw(error) : Promise.reject(error)),
    [Symbol.asyncIterator]: () => ending,
  };
  return ending;
}

/** What a stream starts from: the conversation it may see, and the first batch it missed. */
interface StreamStart {
  conversation: Conversation;
  first: ReplayBatch | undefined;
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Staff of one pharmacy see the same of a conversation: the same check, the same replay
 * (gateway/pubsub/shared-starts.ts). Others' (a customer's, a partner's) are their own. Undefined for
 * an id not in the database's form, whose bus topic would differ: such a start is its own.
 */
function sharedStartKey(context: RequestContext, conversationId: string, afterSequence: number | null | undefined): string | undefined {
  const { viewer } = context;
  if (viewer.kind !== 'staff' || !CANONICAL_UUID.test(conversationId)) return undefined;
  return `conversation-stream/${viewer.organizationId}/${conversationId}/${afterSequence ?? 'live'}`;
}

async function replayBatch(scope: TenantScope, conversation: Conversation, after: number, stopped: () => boolean): Promise<ReplayBatch> {
  const conversationId = conversation.id;
  const missed = await scope
    .messages('message')
    .andWhere('message.conversationId = :conversationId', { conversationId })
    .andWhere('message.sequence > :after', { after })
    .orderBy('message.sequence', 'ASC')
    .limit(CATCH_UP_BATCH)
    .getMany();
  // Completed while the batch was read: its relations would be looked up for nobody.
  if (stopped()) return { found: missed.length, events: [] };
  // What the replayed events' fields need is looked up for the batch, not per event.
  const relations = await loadMessageRelations(scope, conversation, missed);
  const events = missed.map((message, index): ConversationEventPayload => ({
    v: EVENT_VERSION,
    kind: ConversationEventKind.MESSAGE_ADDED,
    conversationId,
    message: publishedMessage(message, relations[index]!),
  }));
  return { found: missed.length, events };
}
