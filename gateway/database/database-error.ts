import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** PostgreSQL's unique_violation: the database, not a prior read, decided there is a duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

/** PostgreSQL's refusal of a statement sent into a transaction an earlier one aborted (25P02): a casualty, not a cause. */
export function isAbortedTransaction(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  return (cause as { code?: unknown } | null)?.code === '25P02';
}

/**
 * SQLSTATEs of a server that is shutting down or not accepting connections yet (57P01 admin
 * shutdown, 57P02 crash shutdown, 57P03 cannot connect now); class 08 is "connection exception".
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03']);
/** The socket to PostgreSQL could not be opened or broke. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
/** node-postgres's own words for a connection that died or could not be had in time (these carry no code). */
const POOL_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  // A pooled client whose socket broke answers its next query with this before the pool drops it.
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
];

/** PostgreSQL is away (restarting, unreachable): the request may well succeed if retried, unlike a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM releases a query runner whose connection failed; the transaction's next statement
  // (often its COMMIT) then reports the release instead of the failure.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code))) return true;
  // A Unix socket's file is gone while PostgreSQL is down (the embedded one's, embedded-postgres.ts).
  if (code === 'ENOENT' && (cause as { syscall?: unknown }).syscall === 'connect') return true;
  return cause instanceof Error && POOL_MESSAGES.some((pattern) => pattern.test(cause.message));
}
