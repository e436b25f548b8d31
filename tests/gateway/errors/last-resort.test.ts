import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describeFault, installLastResort } from '../../../gateway/server/last-resort.js';
import { createLogger } from '../../../gateway/logging/logger.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const PERSONAL = 'Could not deliver to jan.jansen@example.test (+31612345678)';

function capturingLogger() {
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

function installed() {
  const target = new EventEmitter();
  const { logger, lines } = capturingLogger();
  const calls: string[] = [];
  const policy = installLastResort({ target, logger, failHealth: () => calls.push('failHealth'), shutDown: () => calls.push('shutDown') });
  return { target, lines, calls, policy };
}

describe('the last-resort policy', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
  });

  it.each(['uncaughtException', 'unhandledRejection'] as const)('on an %s: logs it without its message, fails health, then drains with exit code 1', (origin) => {
    const { target, lines, calls, policy } = installed();
    try {
      target.emit(origin, new TypeError(PERSONAL));
      expect(calls).toEqual(['failHealth', 'shutDown']);
      expect(process.exitCode).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 60, origin, fault: { type: 'TypeError' } });
      expect(lines[0]!.fault.frames[0]).toMatch(/^at /);
      expect(JSON.stringify(lines)).not.toMatch(/jan|3161234|deliver/);
    } finally {
      policy.dispose();
    }
  });

  it('logs a second fault during the drain without starting another', () => {
    const { target, lines, calls, policy } = installed();
    try {
      target.emit('uncaughtException', new Error(PERSONAL));
      target.emit('unhandledRejection', 'a string reason');
      expect(calls).toEqual(['failHealth', 'shutDown']);
      expect(lines.map((line) => line.fault.type)).toEqual(['Error', 'string']);
    } finally {
      policy.dispose();
    }
  });

  it('describes a fault by its kind, code and frames only', () => {
    const fault = Object.assign(new Error(PERSONAL), { code: 'ERR_SOMETHING' });
    expect(describeFault(fault)).toEqual({ type: 'Error', code: 'ERR_SOMETHING', frames: expect.any(Array) });
    expect(describeFault(null)).toEqual({ type: 'null' });
  });
});

describe('a gateway whose health was failed', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.dispose());

  it('answers /healthz with 503 from then on, with the database still reachable', async () => {
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    gateway.failHealth();
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(503);
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(503);
  });
});
