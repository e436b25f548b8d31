import { describe, expect, it } from '@jest/globals';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable, isUniqueViolation } from '../../../gateway/database/database-error.js';

const withCode = (code: string) => Object.assign(new Error('driver'), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a server shutting down (57P01)', new QueryFailedError('SELECT 1', [], withCode('57P01'))],
    ['a connection exception (08006)', withCode('08006')],
    ['a refused socket', withCode('ECONNREFUSED')],
    ["a Unix socket whose file is gone", Object.assign(withCode('ENOENT'), { syscall: 'connect', address: '/data/postgres/.s.PGSQL.5432' })],
    ['a connection that ended', new Error('Connection terminated unexpectedly')],
    ['a pooled client whose socket broke', new Error('Client has encountered a connection error and is not queryable')],
    ['a closed client', new Error('Client was closed and is not queryable')],
    ['a released query runner', new QueryRunnerAlreadyReleasedError()],
  ])('counts %s as the database being away', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error', new QueryFailedError('SELEC 1', [], withCode('42601'))],
    ['a bug', new TypeError('x is undefined')],
    ['a missing file', Object.assign(withCode('ENOENT'), { syscall: 'open', path: '/data/uploads/gone' })],
    ['nothing', undefined],
  ])('does not count %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('is 23505 from the driver only', () => {
    expect(isUniqueViolation(new QueryFailedError('INSERT', [], withCode('23505')))).toBe(true);
    expect(isUniqueViolation(withCode('23505'))).toBe(false);
  });
});
