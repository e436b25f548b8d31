import { ErrorCode } from './error-code.js';

/** What a client may read besides the message: the code, and details such as the field at fault. */
export interface DomainErrorExtensions {
  code: ErrorCode;
  /** BAD_USER_INPUT: the input property at fault, as a path (`filter.customerId`, `attachments[1]`). */
  field?: string;
  /** RATE_LIMITED: seconds until a retry can succeed. */
  retryAfter?: number;
  /** FORBIDDEN for an API key: the scopes it lacks. */
  missingScopes?: string[];
  /** The HTTP status of a request that fails as a whole (401, 429, 503); never shown in `extensions`. */
  http?: { status: number };
  [detail: string]: unknown;
}

/**
 * A failure the client caused or may act on, in the domain's words: a code from the one enum,
 * a sentence meant for people, and details. Not a GraphQL error: services throw it, and the
 * operation pipeline turns it into one at the edge (`gateway/pipeline/format-error.ts`).
 * Anything else thrown is a bug or an outage, and is masked there.
 */
export class DomainError extends Error {
  readonly extensions: Readonly<DomainErrorExtensions>;

  constructor(code: ErrorCode, message: string, details: Omit<DomainErrorExtensions, 'code'> = {}) {
    super(message);
    this.name = 'DomainError';
    this.extensions = { ...details, code };
  }

  get code(): ErrorCode {
    return this.extensions.code;
  }

  /** The same failure, its field named from an object that holds the input (`input` + `from` = `input.from`). */
  under(container: string): DomainError {
    const { field } = this.extensions;
    return field === undefined ? this : new DomainError(this.code, this.message, { ...this.extensions, field: `${container}.${field}` });
  }

  /** The same failure, as a whole request's answer with this HTTP status. */
  withHttpStatus(status: number): DomainError {
    return new DomainError(this.code, this.message, { ...this.extensions, http: { status } });
  }
}

export const unauthenticated = (message = 'Sign in to continue.') => new DomainError(ErrorCode.Unauthenticated, message);

export const forbidden = (message = 'You are not allowed to do this.', details: Omit<DomainErrorExtensions, 'code'> = {}) =>
  new DomainError(ErrorCode.Forbidden, message, details);

/** The same error for "does not exist" and "belongs to another organization", on purpose. */
export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what} not found.`);

export const badUserInput = (field: string, message: string) => new DomainError(ErrorCode.BadUserInput, message, { field });

export const conflict = (message: string) => new DomainError(ErrorCode.Conflict, message);

export const rateLimited = (message: string, retryAfterSeconds: number, details: Omit<DomainErrorExtensions, 'code' | 'retryAfter'> = {}) =>
  new DomainError(ErrorCode.RateLimited, message, { ...details, retryAfter: retryAfterSeconds });

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

/**
 * The database is away, so the request can't be served at all (not even its credential
 * checked): 503, which tells clients and load balancers to retry. The code stays
 * INTERNAL_SERVER_ERROR, the contract's word for "our side, try again".
 */
export const serviceUnavailable = () => new DomainError(ErrorCode.InternalServerError, INTERNAL_ERROR_MESSAGE, { http: { status: 503 } });
