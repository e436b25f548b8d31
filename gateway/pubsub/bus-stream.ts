import { Repeater } from '@repeaterjs/repeater';
import type { EventBus } from './event-bus.js';
import type { Topics } from './event-payloads.js';

/**
 * A topic's events as an async iterable, keeping those `accept` lets through.
 * The listener is removed when the consumer stops (graphql-ws calls return() on
 * every disconnect), so nothing outlives its subscription.
 *
 * With `tail` (a socket's subscription: the context's `liveTail`) every event it lets through
 * is handed to the tail, which resolves and sends it with the subscriber's group, instead of
 * being pulled: the stream then never yields, and only listens while it is iterated.
 */
export function busStream<T extends keyof Topics>(
  bus: EventBus,
  topic: T,
  id: Topics[T][0],
  accept: (payload: Topics[T][1]) => boolean = () => true,
  tail?: { live(payload: Topics[T][1]): void },
): AsyncIterable<Topics[T][1]> {
  return new Repeater<Topics[T][1]>(async (push, stop) => {
    const stopListening = bus.on(topic, id, (payload) => {
      if (!accept(payload)) return;
      if (tail) tail.live(payload);
      else void push(payload);
    });
    await stop;
    stopListening();
  });
}
