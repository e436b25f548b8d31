import { isAbortedTransaction } from '../database/database-error.js';

/**
 * Statements of one transaction that need nothing from each other's answers, started together:
 * on the transaction's connection (pipeline mode, tenant-aware-client.ts) they leave in one
 * write and share one round trip. Only for statements whose order in the transaction doesn't
 * matter: TypeORM's paths to the socket differ in length, so the order they are given in is
 * not always the order they run in.
 *
 * Like `Promise.all`, but settled once every one is answered, so nothing of the transaction is
 * still out when the caller goes on (or rolls back); and the failure it reports is the one that
 * aborted the transaction, not a statement PostgreSQL refused behind it (25P02).
 */
export async function answeredTogether<T extends readonly unknown[]>(statements: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(statements);
  const failures = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  if (failures.length > 0) throw failures.find((failure) => !isAbortedTransaction(failure)) ?? failures[0];
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}
