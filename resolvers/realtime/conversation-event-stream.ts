import { Repeater } from '@repeaterjs/repeater';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import { ConversationEventKind, EVENT_VERSION, type ConversationEventPayload } from '../../gateway/pubsub/event-payloads.js';
import { publishedMessage } from '../../gateway/pubsub/published-rows.js';
import { loadMessageRelations } from '../message/message-relations.js';
import { threadOf } from '../thread/request-thread.js';

const CATCH_UP_BATCH = 200;

/**
 * Events of one conversation the viewer may see (checked once, here). With
 * `afterSequence`, it first replays every message numbered above it, then goes
 * live: it listens before it reads, and drops live additions it already replayed,
 * so a reconnecting client gets exactly what it missed, in order.
 */
export async function conversationEventStream(
  context: RequestContext,
  conversationId: string,
  afterSequence: number | null | undefined,
): Promise<AsyncIterable<ConversationEventPayload>> {
  if (afterSequence !== null && afterSequence !== undefined && (!Number.isSafeInteger(afterSequence) || afterSequence < 0)) {
    throw badUserInput('afterSequence', '"afterSequence" must be a sequence number (0 or more).');
  }
  const conversation = await threadOf(context).conversation(conversationId);
  context.readAudit.conversationRead(conversation.id, { live: true });
  const { bus } = context.gateway.realtime;

  return new Repeater<ConversationEventPayload>(async (push, stop) => {
    let lastAdded = afterSequence ?? Number.POSITIVE_INFINITY;
    let buffered: ConversationEventPayload[] | undefined = afterSequence === null || afterSequence === undefined ? undefined : [];
    const deliver = (event: ConversationEventPayload) => {
      // Team-only messages never reach a customer's stream (message-audience.ts); the replay reads through the scope, which filters them alike.
      if (event.kind !== ConversationEventKind.READ && !context.scope.sees(event.message)) return;
      if (event.kind === ConversationEventKind.MESSAGE_ADDED) {
        // Replayed already, or published twice: each sequence goes out once.
        if (Number.isFinite(lastAdded) && event.message.sequence <= lastAdded) return;
        lastAdded = event.message.sequence;
      }
      void push(event);
    };
    const stopListening = bus.on('conversation', conversation.id, (event) => (buffered ? buffered.push(event) : deliver(event)));
    // A client that completes mid-replay (or closes its socket) stops the replay too.
    let stopped = false;
    void stop.then(() => (stopped = true));
    try {
      if (buffered) {
        while (!stopped) {
          // One transaction for the batch and its relations (a statement each): outside one,
          // every statement would be wrapped in BEGIN and COMMIT of its own, and a reconnect
          // storm is thousands of these at once.
          const { missed, relations } = await context.scope.transaction(async (scope) => {
            const missed = await scope
              .messages('message')
              .andWhere('message.conversationId = :conversationId', { conversationId: conversation.id })
              .andWhere('message.sequence > :after', { after: lastAdded })
              .orderBy('message.sequence', 'ASC')
              .limit(CATCH_UP_BATCH)
              .getMany();
            // Completed while the batch was read: its relations would be looked up for nobody.
            // Each replayed event resolves on its own: what its fields need is looked up for the batch.
            return { missed, relations: stopped ? [] : await loadMessageRelations(scope, missed) };
          });
          if (stopped) break;
          for (const [index, message] of missed.entries()) {
            lastAdded = message.sequence;
            await push({ v: EVENT_VERSION, kind: ConversationEventKind.MESSAGE_ADDED, conversationId: conversation.id, message: publishedMessage(message, relations[index]!) });
          }
          if (missed.length < CATCH_UP_BATCH) break;
        }
        const live = buffered;
        buffered = undefined;
        live.forEach(deliver);
      }
      await stop;
    } finally {
      stopListening();
    }
  });
}
