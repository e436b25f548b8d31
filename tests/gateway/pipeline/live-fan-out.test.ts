import { describe, expect, it } from '@jest/globals';
import type { ExecutionResult } from 'graphql';
import { LiveFanOut, type LiveMember } from '../../../gateway/pipeline/live-fan-out.js';

/** A gate: a promise the test settles when it chooses. */
function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => ((open = resolve), (fail = reject)));
  return { promise, open, fail };
}

/**
 * A member that records what it is sent. Its own resolutions answer `{ by: name, event }`
 * unless the test holds one back (`hold`) or makes it fail; `shared` is what the multiplexer
 * would hand it of another member's result (undefined: none to share).
 */
function member(name: string, sent: string[], options: { shared?: (event: object) => ExecutionResult | undefined } = {}) {
  const resolutions: string[] = [];
  const held = new Map<object, Promise<ExecutionResult>>();
  const recorded: LiveMember = {
    resolve: (event) => {
      resolutions.push((event as { name: string }).name);
      return held.get(event) ?? Promise.resolve({ data: { by: name, event: (event as { name: string }).name } });
    },
    deliver: (result, event) => {
      const error = result.errors?.[0]?.message;
      sent.push(`${name}:${(event as { name: string }).name}:${error ? `error ${error}` : (result.data as { by: string }).by}`);
    },
    resolved: options.shared,
  };
  return { member: recorded, resolutions, hold: (event: object, result: Promise<ExecutionResult>) => held.set(event, result) };
}

const event = (name: string) => ({ name });
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('LiveFanOut', () => {
  it('resolves an event heard by a group in one pass once, and sends every member its result', async () => {
    const fanOut = new LiveFanOut();
    const sent: string[] = [];
    let firstResult: ExecutionResult | undefined;
    const shared = () => firstResult;
    const alice = member('alice', sent);
    const bob = member('bob', sent, { shared });
    const carol = member('carol', sent, { shared });
    const originalResolve = alice.member.resolve;
    alice.member.resolve = async (heard) => (firstResult = await originalResolve(heard));
    const tails = [alice, bob, carol].map((subscriber) => fanOut.tailOf('group', subscriber.member));
    const one = event('one');
    for (const tail of tails) tail.live(one);
    await settle();

    expect(alice.resolutions).toEqual(['one']);
    expect(bob.resolutions).toEqual([]);
    expect(carol.resolutions).toEqual([]);
    expect(sent).toEqual(['alice:one:alice', 'bob:one:alice', 'carol:one:alice']);
    expect(fanOut.stats).toEqual({ events: 1, deliveries: 3 });
  });

  it('sends a group its events in the order heard, though a later one resolves first', async () => {
    const fanOut = new LiveFanOut();
    const sent: string[] = [];
    const alice = member('alice', sent);
    const tail = fanOut.tailOf('group', alice.member);
    const slow = event('slow');
    const fast = event('fast');
    const slowResult = gate<ExecutionResult>();
    alice.hold(slow, slowResult.promise);
    tail.live(slow);
    tail.live(fast);
    await settle();
    // Both are being resolved at once (a group spans conversations), and nothing overtakes.
    expect(alice.resolutions).toEqual(['slow', 'fast']);
    expect(sent).toEqual([]);

    slowResult.open({ data: { by: 'alice, slowly' } });
    await settle();
    expect(sent).toEqual(['alice:slow:alice, slowly', 'alice:fast:alice']);
  });

  it('lets each member resolve its own when the first result has errors (nothing to share)', async () => {
    const fanOut = new LiveFanOut();
    const sent: string[] = [];
    const alice = member('alice', sent);
    const bob = member('bob', sent, { shared: () => undefined });
    const failing = event('failing');
    alice.hold(failing, Promise.resolve({ data: null, errors: [{ message: 'refused for alice' } as never] }));
    fanOut.tailOf('group', alice.member).live(failing);
    fanOut.tailOf('group', bob.member).live(failing);
    await settle();
    expect(bob.resolutions).toEqual(['failing']);
    expect(sent).toEqual(['alice:failing:error refused for alice', 'bob:failing:bob']);
  });

  it('turns a resolution that throws into a result with an error, and goes on with the next event', async () => {
    const fanOut = new LiveFanOut();
    const sent: string[] = [];
    const alice = member('alice', sent);
    const tail = fanOut.tailOf('group', alice.member);
    const broken = event('broken');
    alice.hold(broken, Promise.reject(new Error('connection lost')));
    tail.live(broken);
    tail.live(event('next'));
    await settle();
    expect(sent).toEqual(['alice:broken:error connection lost', 'alice:next:alice']);
  });

  it('gives a member that hears an event after its resolution began an entry of its own', async () => {
    const fanOut = new LiveFanOut();
    const sent: string[] = [];
    const alice = member('alice', sent);
    const bob = member('bob', sent, { shared: () => undefined });
    const late = event('late');
    const held = gate<ExecutionResult>();
    alice.hold(late, held.promise);
    fanOut.tailOf('group', alice.member).live(late);
    await settle();
    // Bob's stream hands it over only now (it was still replaying): it joins no running resolution.
    fanOut.tailOf('group', bob.member).live(late);
    held.open({ data: { by: 'alice' } });
    await settle();
    expect(bob.resolutions).toEqual(['late']);
    expect(sent).toEqual(['alice:late:alice', 'bob:late:bob']);
    expect(fanOut.stats).toEqual({ events: 2, deliveries: 2 });
  });

  it("sends a member's own events (a replay) when resolved, before anything it hears live", async () => {
    const fanOut = new LiveFanOut();
    const sent: string[] = [];
    const alice = member('alice', sent);
    const tail = fanOut.tailOf('group', alice.member);
    await tail.own(event('replayed 1'));
    await tail.own(event('replayed 2'));
    tail.live(event('live'));
    await settle();
    expect(sent).toEqual(['alice:replayed 1:alice', 'alice:replayed 2:alice', 'alice:live:alice']);
  });

  it('keeps groups apart: one waiting on a slow event does not hold up another', async () => {
    const fanOut = new LiveFanOut();
    const sent: string[] = [];
    const alice = member('alice', sent);
    const bob = member('bob', sent);
    const slow = event('slow');
    alice.hold(slow, new Promise(() => {}));
    fanOut.tailOf('group-a', alice.member).live(slow);
    fanOut.tailOf('group-b', bob.member).live(event('other'));
    await settle();
    expect(sent).toEqual(['bob:other:bob']);
  });
});
