import { QueryFailedError } from 'typeorm';

/** PostgreSQL's unique_violation: the database, not a prior read, decided there is a duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}
