import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { answeredTogether } from '../../../gateway/tenancy/answered-together.js';

/** A statement's failure as TypeORM reports it, with PostgreSQL's SQLSTATE. */
const failure = (code: string, message: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));
const later = <T>(ms: number, outcome: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(outcome()), ms));
const laterFailing = (ms: number, error: Error) => new Promise<never>((_, reject) => setTimeout(() => reject(error), ms));

describe('answeredTogether', () => {
  it('answers every statement in the order given', async () => {
    await expect(answeredTogether([later(5, () => 1), Promise.resolve('two'), undefined])).resolves.toEqual([1, 'two', undefined]);
  });

  it('reports the statement that aborted the transaction, not the ones refused behind it, whatever the order given', async () => {
    const cause = failure('23505', 'duplicate key value violates unique constraint');
    const refused = failure('25P02', 'current transaction is aborted, commands ignored until end of transaction block');
    await expect(answeredTogether([Promise.reject(refused), laterFailing(5, cause), Promise.resolve(3)])).rejects.toBe(cause);
    // Only refusals: one of them is still the failure.
    await expect(answeredTogether([Promise.reject(refused)])).rejects.toBe(refused);
  });

  it('settles only when every statement is answered, even after one failed', async () => {
    let answered = false;
    const slow = later(20, () => (answered = true));
    await expect(answeredTogether([Promise.reject(failure('22012', 'division by zero')), slow])).rejects.toThrow('division by zero');
    expect(answered).toBe(true);
  });
});
