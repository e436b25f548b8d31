import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code.js';

/**
 * An error meant for the client: its message and code are shown as they are.
 * Anything else thrown while resolving is masked by `formatError`.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export const unauthenticated = (message = 'Sign in to continue.') =>
  new AppError(ErrorCode.Unauthenticated, message);

export const forbidden = (message = 'You are not allowed to do this.', extensions: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.Forbidden, message, extensions);

/** The same error for "does not exist" and "belongs to another organization", on purpose. */
export const notFound = (what: string) => new AppError(ErrorCode.NotFound, `${what} not found.`);

export const badUserInput = (field: string, message: string) =>
  new AppError(ErrorCode.BadUserInput, message, { field });

export const conflict = (message: string) => new AppError(ErrorCode.Conflict, message);

/**
 * The database is away, so the request can't be served at all (not even its credential
 * checked): 503, which tells clients and load balancers to retry. The code stays
 * INTERNAL_SERVER_ERROR, the contract's word for "our side, try again".
 */
export const serviceUnavailable = () =>
  new AppError(ErrorCode.InternalServerError, 'Something went wrong on our side. Please try again.', { http: { status: 503 } });
