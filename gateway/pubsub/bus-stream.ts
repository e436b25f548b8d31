import { Repeater } from '@repeaterjs/repeater';
import type { EventBus } from './event-bus.js';
import type { Topics } from './event-payloads.js';

/**
 * A topic's events as an async iterable, keeping those `accept` lets through.
 * The listener is removed when the consumer stops (graphql-ws calls return() on
 * every disconnect), so nothing outlives its subscription.
 */
export function busStream<T extends keyof Topics>(
  bus: EventBus,
  topic: T,
  id: Topics[T][0],
  accept: (payload: Topics[T][1]) => boolean = () => true,
): AsyncIterable<Topics[T][1]> {
  return new Repeater<Topics[T][1]>(async (push, stop) => {
    const stopListening = bus.on(topic, id, (payload) => {
      if (accept(payload)) void push(payload);
    });
    await stop;
    stopListening();
  });
}
