import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import { MessageType } from 'graphql-ws';

/** Where a subscription's frames go: its socket, under the id the client gave the operation. */
export interface FrameSink {
  id: string;
  /** Writes one text frame; a socket no longer open takes nothing. */
  send(frame: string): void;
  /** Told after each frame sent from here (what graphql-ws's onNext hears for the others). */
  sent(result: ExecutionResult): void;
  /** A result with errors as the client may see it: what graphql-ws's onNext makes of it. */
  shaped(result: ExecutionResult): FormattedExecutionResult;
}

/**
 * A result's JSON, made once however many subscribers send it: the event multiplexer hands
 * every member of a group the same result object (pipeline/event-multiplexer.ts).
 */
const payloads = new WeakMap<ExecutionResult, string>();

function payloadOf(result: ExecutionResult): string {
  let json = payloads.get(result);
  if (json === undefined) payloads.set(result, (json = JSON.stringify(result)));
  return json;
}

/** The frame of one result: the shared JSON without errors, and the result shaped first with them. */
function frameOf(prefix: string, sink: FrameSink, result: ExecutionResult): string {
  return result.errors ? `${prefix}${JSON.stringify(sink.shaped(result))}}` : `${prefix}${payloadOf(result)}}`;
}

const prefixOf = (sink: FrameSink) => `{"id":${JSON.stringify(sink.id)},"type":"${MessageType.Next}","payload":`;

/** Sends every result it is given to `sink`, as graphql-ws would (pipeline/live-fan-out.ts sends this way). */
export function resultSender(sink: FrameSink): (result: ExecutionResult) => void {
  const prefix = prefixOf(sink);
  return (result) => {
    sink.send(frameOf(prefix, sink, result));
    sink.sent(result);
  };
}

/**
 * A subscription's results as graphql-ws iterates them, except that those without errors
 * are sent from here. graphql-ws sends each result itself: it copies it, awaits its hooks,
 * stringifies the whole message and awaits the socket, for every subscriber, even when the
 * multiplexer resolved the event once for all of them; with thousands of subscribers that
 * was most of an event's cost. Here each result is serialized once and each subscriber's
 * frame is its operation id around that text (the message graphql-ws would have written,
 * `{"id","type":"next","payload"}`).
 *
 * Order is kept: `next()` sends what it pulls until a result with errors (which goes back to
 * graphql-ws, whose onNext hook shapes errors) or the end, and graphql-ws asks again only
 * once it has sent that one. Completing, closing and the end of the stream pass through
 * unchanged: `return` and `throw` are the stream's own.
 */
export function sendingFramesDirectly(results: AsyncIterableIterator<ExecutionResult>, sink: FrameSink): AsyncIterableIterator<ExecutionResult> {
  const send = resultSender(sink);
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      for (;;) {
        const step = await results.next();
        if (step.done || step.value.errors) return step;
        send(step.value);
      }
    },
    return: (value?: unknown) => (results.return ? results.return(value) : Promise.resolve({ done: true as const, value: undefined })),
    throw: (error?: unknown) => (results.throw ? results.throw(error) : Promise.reject(error)),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
