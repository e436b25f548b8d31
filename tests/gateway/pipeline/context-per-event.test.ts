import { describe, expect, it } from '@jest/globals';
import { parse, type ExecutionResult } from 'graphql';
import { makeExecutableSchemaForTest } from '../../support/tiny-subscription-schema.js';
import { subscribeWithContextPerEvent } from '../../../gateway/pipeline/context-per-event.js';

describe('subscribeWithContextPerEvent', () => {
  it('resolves each event with a context of its own, inside the surroundings', async () => {
    const schema = makeExecutableSchemaForTest(async function* () {
      yield 1;
      yield 2;
    });
    let contexts = 0;
    const surroundings: string[] = [];
    const stream = await subscribeWithContextPerEvent(
      { schema, document: parse('subscription { ticks { value context } }'), contextValue: { id: 'subscribe-time' } },
      () => ({ id: `event-${++contexts}` }),
      (work) => {
        surroundings.push('entered');
        return work();
      },
    );
    if (!(Symbol.asyncIterator in stream)) throw new Error(`expected a stream, got ${JSON.stringify(stream)}`);
    const iterator = stream as AsyncIterableIterator<ExecutionResult>;
    const first = await iterator.next();
    const second = await iterator.next();
    expect(first.value.data).toEqual({ ticks: { value: 1, context: 'event-1' } });
    expect(second.value.data).toEqual({ ticks: { value: 2, context: 'event-2' } });
    expect(surroundings).toEqual(['entered', 'entered']);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(surroundings).toHaveLength(3);
  });

  it('answers an error result, not a stream, when the subscription is refused before it listens', async () => {
    const schema = makeExecutableSchemaForTest(() => {
      throw new Error('no access');
    });
    const result = await subscribeWithContextPerEvent(
      { schema, document: parse('subscription { ticks { value } }'), contextValue: {} },
      () => ({}),
      (work) => work(),
    );
    expect(Symbol.asyncIterator in result).toBe(false);
    expect((result as ExecutionResult).errors?.[0]?.message).toBe('no access');
  });
});
