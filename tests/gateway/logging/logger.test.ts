import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger } from '../../../gateway/logging/logger.js';

/** A logger writing into an array of parsed JSON lines. */
function capturingLogger() {
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines, raw: () => JSON.stringify(lines) };
}

describe('logs carry no health data or credentials', () => {
  it('redacts message bodies, contact details, file names and credentials wherever they sit', () => {
    const { logger, lines, raw } = capturingLogger();
    logger.info(
      {
        message: { body: 'I take 40 units of insulin', fileName: 'prescription-jan.pdf' },
        customer: { name: 'Jan de Vries', phone: '+31612345678', email: 'jan@example.com' },
        variables: { input: { body: 'Is my methadone ready?' } },
        token: 'eyJhbGciOi.secret',
        req: { headers: { authorization: 'Bearer ccpk_live_secret' } },
      },
      'Something happened',
    );
    expect(lines).toHaveLength(1);
    for (const secret of ['insulin', 'prescription-jan', 'Jan de Vries', '+31612345678', 'jan@example.com', 'methadone', 'eyJhbGciOi', 'ccpk_live_secret']) {
      expect(raw()).not.toContain(secret);
    }
    expect(lines[0]!.message.body).toBe('[redacted]');
    expect(lines[0]!.msg).toBe('Something happened');
  });

  it('keeps what a developer needs from a failed SQL statement, but not its values', () => {
    const { logger, lines, raw } = capturingLogger();
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "customer_external_id_key"'), {
      code: '23505',
      constraint: 'customer_external_id_key',
      detail: 'Key (organization_id, external_id)=(…, shop-4711) already exists.',
    });
    const failed = new QueryFailedError('INSERT INTO customer (name, phone) VALUES ($1, $2)', ['Jan de Vries', '+31612345678'], driverError);
    logger.error({ err: failed }, 'Unexpected error while resolving');
    expect(lines[0]!.err).toMatchObject({ name: 'QueryFailedError', code: '23505', constraint: 'customer_external_id_key' });
    expect(lines[0]!.err.message).toContain('customer_external_id_key');
    expect(lines[0]!.err.stack).toEqual(expect.any(String));
    for (const secret of ['Jan de Vries', '+31612345678', 'shop-4711', 'INSERT INTO customer']) expect(raw()).not.toContain(secret);
  });
});
