import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createCommandQueue, queuedCommands, type Command } from '../../../../clients/widget/loader/command-queue.js';

const identity = { externalId: 'c-1', name: 'Vera', issuedAt: 1, nonce: 'n', signature: 's' };

function queueWithTargets() {
  const calls: string[] = [];
  const queue = createCommandQueue({
    open: () => calls.push('open'),
    close: () => calls.push('close'),
    identify: (who) => calls.push(`identify ${who.externalId}`),
  });
  return { calls, queue };
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('the loader command queue', () => {
  it('runs the calls the snippet queued before the loader ran, in order, only when replayed', () => {
    const { calls, queue } = queueWithTargets();
    const queued: Command[] = [['identify', identity], ['open'], ['close']];
    expect(calls).toEqual([]);
    queue.replay(queued);
    expect(calls).toEqual(['identify c-1', 'open', 'close']);
  });

  it('takes a call by name the same as the method', () => {
    const { calls, queue } = queueWithTargets();
    queue.api('open');
    queue.api.close();
    queue.api('identify', identity);
    expect(calls).toEqual(['open', 'close', 'identify c-1']);
  });

  it('warns about an unknown command and runs nothing, even for a property the API has', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const { calls, queue } = queueWithTargets();
    queue.replay([['destroy'], ['q'], ['call'], ['toString']]);
    queue.api('openChat');
    expect(calls).toEqual([]);
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      'Counterchat: unknown command "destroy".',
      'Counterchat: unknown command "q".',
      'Counterchat: unknown command "call".',
      'Counterchat: unknown command "toString".',
      'Counterchat: unknown command "openChat".',
    ]);
  });

  it('tells every listener of an event, also when one throws, and stops after unsubscribing', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const { queue } = queueWithTargets();
    const heard: unknown[] = [];
    queue.api.on('unread', () => {
      throw new Error('store bug');
    });
    const stop = queue.api.on('unread', (detail) => heard.push(detail));
    queue.api.on('open', () => heard.push('opened'));

    queue.emit('unread', { count: 2 });
    stop();
    queue.emit('unread', { count: 3 });
    expect(heard).toEqual([{ count: 2 }]);
    expect(error).toHaveBeenCalledTimes(2);
  });

  it('subscribes through a queued call too: Counterchat("on", event, listener)', () => {
    const { queue } = queueWithTargets();
    const heard: unknown[] = [];
    queue.replay([['on', 'message', (detail: unknown) => heard.push(detail)]]);
    queue.emit('message', { conversationId: 'c1', sequence: 4 });
    expect(heard).toEqual([{ conversationId: 'c1', sequence: 4 }]);
  });

  it('reads the stub’s queue when the snippet ran first, and nothing otherwise', () => {
    const stub = Object.assign(() => {}, { q: [['open']] as Command[] });
    expect(queuedCommands(stub)).toEqual([['open']]);
    expect(queuedCommands(undefined)).toEqual([]);
    expect(queuedCommands(() => {})).toEqual([]);
  });
});
