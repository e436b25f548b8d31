import { describe, expect, it } from '@jest/globals';
import type { ExecutionResult } from 'graphql';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { resultSender, sendingFramesDirectly, type FrameSink } from '../../../../gateway/server/websocket/direct-frames.js';

/** An async iterator over `results`, recording whether it was returned early. */
function streamOf(results: ExecutionResult[]) {
  let index = 0;
  const stream = {
    returned: false,
    next: async (): Promise<IteratorResult<ExecutionResult>> => (index < results.length ? { done: false, value: results[index++]! } : { done: true, value: undefined }),
    return: async (): Promise<IteratorResult<ExecutionResult>> => {
      stream.returned = true;
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => stream as unknown as AsyncIterableIterator<ExecutionResult>,
  };
  return stream;
}

function sinkFor(id: string) {
  const frames: string[] = [];
  const sent: ExecutionResult[] = [];
  const sink: FrameSink = {
    id,
    send: (frame) => void frames.push(frame),
    sent: (result) => void sent.push(result),
    // As the socket pipeline's: errors as the client may see them.
    shaped: (result) => ({ ...result, errors: result.errors?.map(() => ({ message: 'shaped', extensions: { code: 'FORBIDDEN' } })) }),
  };
  return { sink, frames, sent };
}

describe('sendingFramesDirectly', () => {
  it('writes the frame graphql-ws would have written, and hands graphql-ws only the end', async () => {
    const result = { data: { conversationEvents: { kind: 'MESSAGE_ADDED', message: { id: 'm-1', body: 'Ready "for" pickup' } } } };
    const { sink, frames, sent } = sinkFor('7');
    const stream = streamOf([result]);
    const step = await sendingFramesDirectly(stream as unknown as AsyncIterableIterator<ExecutionResult>, sink).next();
    expect(step.done).toBe(true);
    expect(frames).toEqual([stringifyMessage({ id: '7', type: MessageType.Next, payload: result })]);
    expect(sent).toEqual([result]);
  });

  it('serializes a result once for every subscriber it is shared with', async () => {
    let serialized = 0;
    const shared = { data: { n: 1 }, extensions: { toJSON: () => (serialized += 1) } } as unknown as ExecutionResult;
    const sinks = ['1', '2', '3'].map(sinkFor);
    for (const { sink } of sinks) await sendingFramesDirectly(streamOf([shared]) as unknown as AsyncIterableIterator<ExecutionResult>, sink).next();
    expect(serialized).toBe(1);
    expect(sinks.map(({ frames }) => frames.length)).toEqual([1, 1, 1]);
    expect(new Set(sinks.map(({ frames }) => frames[0]!.slice(frames[0]!.indexOf('"type"')))).size).toBe(1);
  });

  it('returns a result with errors to graphql-ws, after what came before it and before what follows', async () => {
    const before = { data: { n: 1 } };
    const failed = { data: null, errors: [{ message: 'no' }] } as unknown as ExecutionResult;
    const after = { data: { n: 2 } };
    const { sink, frames } = sinkFor('a');
    const iterator = sendingFramesDirectly(streamOf([before, failed, after]) as unknown as AsyncIterableIterator<ExecutionResult>, sink);
    const first = await iterator.next();
    expect(first).toEqual({ done: false, value: failed });
    expect(frames.map((frame) => JSON.parse(frame).payload)).toEqual([before]);
    const second = await iterator.next();
    expect(second.done).toBe(true);
    expect(frames.map((frame) => JSON.parse(frame).payload)).toEqual([before, after]);
  });

  it('passes return() on to the stream (a client completing, a socket closing)', async () => {
    const stream = streamOf([]);
    const iterator = sendingFramesDirectly(stream as unknown as AsyncIterableIterator<ExecutionResult>, sinkFor('x').sink);
    await iterator.return!();
    expect(stream.returned).toBe(true);
  });
});

describe('resultSender', () => {
  it('sends a result without errors as graphql-ws would, and one with errors shaped first', () => {
    const { sink, frames, sent } = sinkFor('op-1');
    const send = resultSender(sink);
    const fine = { data: { conversationEvents: { kind: 'MESSAGE_ADDED' } } };
    const refused = { data: { conversationEvents: null }, errors: [new Error('raw detail') as never] };
    send(fine);
    send(refused);
    expect(frames).toEqual([
      stringifyMessage({ id: 'op-1', type: MessageType.Next, payload: fine }),
      stringifyMessage({ id: 'op-1', type: MessageType.Next, payload: { data: { conversationEvents: null }, errors: [{ message: 'shaped', extensions: { code: 'FORBIDDEN' } }] } }),
    ]);
    expect(frames.join()).not.toContain('raw detail');
    expect(sent).toEqual([fine, refused]);
  });
});
