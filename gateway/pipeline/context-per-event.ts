import { createSourceEventStream, execute, type ExecutionArgs, type ExecutionResult } from 'graphql';

/** Runs a piece of work in the subscriber's surroundings (its database tenant). */
export type Surroundings = <T>(work: () => T) => T;

type PromiseOrValue<T> = T | Promise<T>;

/**
 * How one subscriber's event becomes its result: by calling `executeWith` with a context of
 * its own, or by reusing what an equal subscriber's call gave (event-multiplexer.ts).
 */
export type EventExecution = (event: unknown, executeWith: (contextValue: unknown) => PromiseOrValue<ExecutionResult>) => PromiseOrValue<ExecutionResult>;

/**
 * graphql-js's `subscribe`, except that each event is executed with a context of its own
 * (`nextContext()`), the way envelop's `useContextPerSubscriptionValue` does it: per-request
 * loaders would otherwise keep the first event's rows for the subscription's whole life.
 * Creating the stream and pulling each event (which is when it is resolved) both run inside
 * `surroundings`, so every statement is the subscriber's tenant's. `executeEvent`, when
 * given, decides how an event is executed (and with which context) instead.
 */
export async function subscribeWithContextPerEvent(
  args: ExecutionArgs,
  nextContext: () => unknown,
  surroundings: Surroundings,
  executeEvent: EventExecution = (_event, executeWith) => executeWith(nextContext()),
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream;
  const events = stream[Symbol.asyncIterator]();
  const resolve = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> =>
    step.done ? step : { done: false, value: await executeEvent(step.value, (contextValue) => execute({ ...args, rootValue: step.value, contextValue })) };
  const results: AsyncIterableIterator<ExecutionResult> = {
    next: () => surroundings(async () => resolve(await events.next())),
    return: () => surroundings(async () => (events.return ? resolve(await events.return()) : { done: true as const, value: undefined })),
    throw: (error?: unknown) =>
      surroundings(async () => {
        if (events.throw) return resolve(await events.throw(error));
        throw error;
      }),
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}

const isAsyncIterable = (value: object): value is AsyncIterable<unknown> => Symbol.asyncIterator in value;
