import { describe, expect, it } from '@jest/globals';
import { createOutbox, type NetworkWatch, type OutboxItem } from '../../../../clients/shared/messages/outbox.js';

class NetworkDown extends Error {}

function fakeNetwork(online: boolean) {
  const listeners = new Set<() => void>();
  const network: NetworkWatch & { set(online: boolean): void } = {
    isOnline: () => online,
    onOnline(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    set(next) {
      online = next;
      if (next) for (const listener of listeners) listener();
    },
  };
  return network;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { online: boolean; fail?: (item: OutboxItem<string>) => Error | null }) {
  const network = fakeNetwork(options.online);
  const sent: string[] = [];
  const snapshots: (readonly OutboxItem<string>[])[] = [];
  const outbox = createOutbox<string>({
    network,
    isNetworkError: (error) => error instanceof NetworkDown,
    onChange: (items) => snapshots.push(items),
    async send(item) {
      const error = options.fail?.(item) ?? (network.isOnline() ? null : new NetworkDown());
      if (error) throw error;
      sent.push(item.payload);
    },
  });
  return { network, sent, outbox, snapshots };
}

describe('createOutbox', () => {
  it('sends at once when online and forgets what was sent', async () => {
    const { outbox, sent } = setup({ online: true });
    outbox.add('a', 'first');
    await settle();
    expect(sent).toEqual(['first']);
    expect(outbox.items()).toEqual([]);
  });

  it('keeps messages written offline and sends them once, in order, when the network is back', async () => {
    const { outbox, sent, network } = setup({ online: false });
    outbox.add('a', 'first');
    outbox.add('b', 'second');
    await settle();
    expect(sent).toEqual([]);
    expect(outbox.items().map((item) => item.status)).toEqual(['queued', 'queued']);
    network.set(true);
    await settle();
    network.set(true);
    await settle();
    expect(sent).toEqual(['first', 'second']);
    expect(outbox.items()).toEqual([]);
  });

  it('keeps a send that failed for the network queued, and stops there to keep the order', async () => {
    let down = true;
    const { outbox, sent } = setup({ online: true, fail: () => (down ? new NetworkDown() : null) });
    outbox.add('a', 'first');
    outbox.add('b', 'second');
    await settle();
    expect(outbox.items().map((item) => [item.clientMessageId, item.status])).toEqual([
      ['a', 'queued'],
      ['b', 'queued'],
    ]);
    down = false;
    outbox.flush();
    await settle();
    expect(sent).toEqual(['first', 'second']);
  });

  it('marks a message the server refuses as failed, sends the rest, and retries it on request', async () => {
    let refuse = true;
    const { outbox, sent } = setup({ online: true, fail: (item) => (item.payload === 'bad' && refuse ? new Error('BAD_USER_INPUT') : null) });
    outbox.add('a', 'bad');
    outbox.add('b', 'good');
    await settle();
    expect(sent).toEqual(['good']);
    expect(outbox.items()).toEqual([{ clientMessageId: 'a', payload: 'bad', status: 'failed' }]);
    refuse = false;
    outbox.retry('a');
    await settle();
    expect(sent).toEqual(['good', 'bad']);
  });

  it('stops listening when disposed', async () => {
    const { outbox, sent, network } = setup({ online: false });
    outbox.add('a', 'first');
    outbox.dispose();
    network.set(true);
    await settle();
    expect(sent).toEqual([]);
  });
});
