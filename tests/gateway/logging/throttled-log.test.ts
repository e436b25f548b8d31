import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { ThrottledLog } from '../../../gateway/logging/throttled-log.js';

function capturingLogger() {
  const lines: { msg: string; repeated?: number; reason?: string }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ base: null }, stream), lines };
}

describe('a throttled log line', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('writes the first failure in full, and sums up the rest of its window in one line', () => {
    const { logger, lines } = capturingLogger();
    const log = new ThrottledLog('PostgreSQL is unavailable', { windowMs: 10_000, logger });
    log.write({ reason: 'first' });
    for (let i = 0; i < 83; i++) log.write({ reason: 'again' });
    expect(lines).toEqual([expect.objectContaining({ msg: 'PostgreSQL is unavailable', reason: 'first' })]);
    jest.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ msg: 'PostgreSQL is unavailable (83 more in the last 10 s)', repeated: 83 });
  });

  it('writes nothing more when the failure did not repeat, and starts afresh after the window', () => {
    const { logger, lines } = capturingLogger();
    const log = new ThrottledLog('Redis connection error', { windowMs: 10_000, logger });
    log.write({ reason: 'once' });
    jest.advanceTimersByTime(10_000);
    log.write({ reason: 'later' });
    log.write({ reason: 'and again' });
    jest.advanceTimersByTime(10_000);
    expect(lines.map((line) => line.msg)).toEqual(['Redis connection error', 'Redis connection error', 'Redis connection error (1 more in the last 10 s)']);
    expect(lines[1]).toMatchObject({ reason: 'later' });
  });
});
