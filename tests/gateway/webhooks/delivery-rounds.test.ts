import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { scheduleDeliveryRounds, type DeliveryRounds } from '../../../gateway/webhooks/delivery-rounds.js';

/** A round the test finishes by hand, so nothing depends on timing. */
function controlledRounds() {
  const started: { signal: AbortSignal; finish(): void; fail(error: Error): void }[] = [];
  const round = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      started.push({ signal, finish: resolve, fail: reject });
    });
  return { started, round };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const HOUR = 3_600_000;

let rounds: DeliveryRounds | undefined;
afterEach(async () => {
  jest.useRealTimers();
  const last = rounds;
  rounds = undefined;
  await last?.dispose();
});

describe('delivery rounds', () => {
  it('starts a round at once', () => {
    const { started, round } = controlledRounds();
    rounds = scheduleDeliveryRounds(round, { intervalMs: HOUR, onError: () => {} });
    expect(started).toHaveLength(1);
    started[0].finish();
  });

  it('runs one more round after the current one however many nudges arrived during it', async () => {
    const { started, round } = controlledRounds();
    rounds = scheduleDeliveryRounds(round, { intervalMs: HOUR, onError: () => {} });
    rounds.nudge();
    rounds.nudge();
    rounds.nudge();
    expect(started).toHaveLength(1);

    started[0].finish();
    await settle();
    expect(started).toHaveLength(2);
    started[1].finish();
    await settle();
    expect(started).toHaveLength(2);
  });

  it('starts a round on a nudge when none is running', async () => {
    const { started, round } = controlledRounds();
    rounds = scheduleDeliveryRounds(round, { intervalMs: HOUR, onError: () => {} });
    started[0].finish();
    await settle();
    rounds.nudge();
    expect(started).toHaveLength(2);
    started[1].finish();
  });

  it('starts a round every interval without nudges', async () => {
    jest.useFakeTimers();
    const { started, round } = controlledRounds();
    rounds = scheduleDeliveryRounds(round, { intervalMs: 2_000, onError: () => {} });
    started[0].finish();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(started).toHaveLength(2);
    started[1].finish();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(started).toHaveLength(3);
    started[2].finish();
  });

  it('reports a failed round and keeps going', async () => {
    const { started, round } = controlledRounds();
    const onError = jest.fn();
    rounds = scheduleDeliveryRounds(round, { intervalMs: HOUR, onError });
    const failure = new Error('database went away');
    started[0].fail(failure);
    await settle();
    expect(onError).toHaveBeenCalledWith(failure);
    rounds.nudge();
    expect(started).toHaveLength(2);
    started[1].finish();
  });

  it('on dispose aborts the round under way, waits for it and starts no more', async () => {
    const { started, round } = controlledRounds();
    const current = scheduleDeliveryRounds(round, { intervalMs: HOUR, onError: () => {} });
    current.nudge();
    let disposed = false;
    const disposing = current.dispose().then(() => (disposed = true));
    expect(started[0].signal.aborted).toBe(true);
    await settle();
    expect(disposed).toBe(false);

    started[0].finish();
    await disposing;
    current.nudge();
    await settle();
    expect(started).toHaveLength(1);
  });
});
