import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { LiveMember } from './live-fan-out.js';

/** Runs a piece of work in the subscriber's surroundings (its database tenant). */
export type Surroundings = <T>(work: () => T) => T;

type PromiseOrValue<T> = T | Promise<T>;

/**
 * How one subscriber's event becomes its result: by calling `executeWith` with a context of
 * its own, or by reusing what an equal subscriber's call gave (event-multiplexer.ts).
 */
export type EventExecution = (event: unknown, executeWith: (contextValue: unknown) => PromiseOrValue<ExecutionResult>) => PromiseOrValue<ExecutionResult>;

/** Runs the execution of one event with its context (in the pipeline: in one database transaction). */
export type AroundEvent = (context: unknown, execution: () => Promise<ExecutionResult>) => Promise<ExecutionResult>;

/** Follows a subscription from the moment it listens (operation-metrics.ts). */
export interface SubscriptionObserver {
  /** `result` was resolved from the source stream's `event`. */
  resolved(result: ExecutionResult, event: unknown): void;
  /** The stream ended: ran out, completed by the client, or its socket closed. Called once. */
  ended(): void;
}

/** What the pipeline adds around each event; each has a default that does nothing special. */
export interface EventHooks {
  executeEvent?: EventExecution;
  aroundEvent?: AroundEvent;
  /** Made once the stream listens; none without metrics. */
  observe?: () => SubscriptionObserver;
  /**
   * Where results can be sent without being pulled (a socket's frames). With it, the
   * subscriber is made a `LiveMember` and given to `join` before its stream is created
   * (operation-pipeline.ts hands the stream its tail: live-fan-out.ts).
   */
  live?: { send: (result: ExecutionResult) => void; join: (member: LiveMember) => void };
}

/**
 * graphql-js's `subscribe`, except that each event is executed with a context of its own
 * (`nextContext()`), the way envelop's `useContextPerSubscriptionValue` does it: per-request
 * loaders would otherwise keep the first event's rows for the subscription's whole life.
 * Creating the stream and pulling each event (which is when it is resolved) both run inside
 * `surroundings`, so every statement is the subscriber's tenant's. `aroundEvent` wraps the
 * execution of an event only, not the wait for it: nothing it holds (a database connection)
 * is held between events.
 * `executeEvent`, when given, decides with which context an event is executed, or reuses an
 * equal subscriber's result (event-multiplexer.ts).
 */
export async function subscribeWithContextPerEvent(
  args: ExecutionArgs,
  nextContext: () => unknown,
  surroundings: Surroundings,
  { executeEvent = (_event, executeWith) => executeWith(nextContext()), aroundEvent = (_context, execution) => execution(), observe, live }: EventHooks = {},
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const executeEach = (event: unknown) => executeEvent(event, (contextValue) => aroundEvent(contextValue, async () => execute({ ...args, rootValue: event, contextValue })));
  let observer: SubscriptionObserver | undefined;
  let over = false;
  const end = () => {
    over = true;
    observer?.ended();
  };
  if (live) {
    live.join({
      resolve: (event) => surroundings(async () => executeEach(event)),
      deliver: (result, event) => {
        if (over) return;
        observer?.resolved(result, event);
        live.send(result);
      },
    });
  }
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream;
  const events = stream[Symbol.asyncIterator]();
  observer = observe?.();
  const resolve = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> => {
    if (step.done) {
      end();
      return step;
    }
    const value = await executeEach(step.value);
    observer?.resolved(value, step.value);
    return { done: false, value };
  };
  const ending = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } finally {
      end();
    }
  };
  const results: AsyncIterableIterator<ExecutionResult> = {
    next: () =>
      surroundings(async () => {
        let step;
        try {
          step = await events.next();
        } catch (error) {
          // A failed stream is over: for-await calls no return() after it.
          end();
          throw error;
        }
        return resolve(step);
      }),
    return: () => surroundings(() => ending(async () => (events.return ? resolve(await events.return()) : { done: true as const, value: undefined }))),
    throw: (error?: unknown) =>
      surroundings(() =>
        ending(async () => {
          if (events.throw) return resolve(await events.throw(error));
          throw error;
        }),
      ),
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}

/** A stream (of events, of results), as opposed to one result: a subscription refused at its start. */
export const isAsyncIterable = <T>(value: object): value is AsyncIterable<T> => Symbol.asyncIterator in value;
