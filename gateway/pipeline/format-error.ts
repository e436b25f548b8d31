import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from '../errors/domain-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { logger } from '../logging/logger.js';
import { ThrottledLog } from '../logging/throttled-log.js';
import { isDatabaseUnavailable } from '../database/database-error.js';

/** Codes GraphQL and Apollo Server produce themselves for bad documents and requests. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The last stop before a client: domain errors become GraphQL errors with their code and
 * details, class-validator failures become BAD_USER_INPUT naming the field, and anything
 * unexpected (SQL, bugs) is masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  try {
    return formatKnownError(formatted, error);
  } catch (formattingError) {
    // Apollo would answer "Internal server error" without a log line; keep our own answer and the cause.
    logger.error({ err: formattingError }, 'Could not format an error');
    return { message: INTERNAL_MESSAGE, extensions: { code: ErrorCode.InternalServerError } };
  }
}

const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again.';

/** While PostgreSQL restarts every request fails alike: one entry per window, not one per request. */
const databaseUnavailable = new ThrottledLog('PostgreSQL is unavailable; requests fail until it is back', { level: 'error' });

function formatKnownError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    // A validator that crashed on the input (validator.js throws on some malformed strings)
    // leaves no list of failed constraints; it is still the input that is wrong.
    const fields = original.extensions.validationErrors;
    const first = Array.isArray(fields) ? firstConstraint(fields as ValidationErrorLike[]) : undefined;
    return {
      message: first?.message ?? 'The input is not valid.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.BadUserInput, field: first?.field },
    };
  }
  const domain = domainErrorIn(error);
  if (domain) return { message: domain.message, locations: formatted.locations, path: formatted.path, extensions: clientExtensions(domain) };
  const code = formatted.extensions?.code;
  // Raised by GraphQL or Apollo about the document, the variables or the request itself.
  if (original instanceof GraphQLError && typeof code === 'string' && PROTOCOL_CODES.has(code)) {
    return { ...formatted, extensions: withoutStack(formatted.extensions) };
  }
  // graphql-js's own complaints about the request before execution (no resolver, no cause),
  // e.g. "Too many errors processing variables": the caller's input, not our failure.
  if (original instanceof GraphQLError && !original.originalError && !formatted.path) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BadUserInput } };
  }
  if (isDatabaseUnavailable(original)) databaseUnavailable.write({ err: original, path: formatted.path });
  else logger.error({ err: original, path: formatted.path }, 'Unexpected error while resolving');
  return {
    message: INTERNAL_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.InternalServerError },
  };
}

/**
 * The domain error behind a GraphQL error: thrown by a resolver (graphql-js wraps it with its
 * path), by the context function (Apollo wraps it as "Context creation failed"), or wrapped
 * by a transport with `graphQLErrorOf`.
 */
function domainErrorIn(error: unknown): DomainError | undefined {
  for (let cause = error; cause !== undefined; cause = cause instanceof GraphQLError ? cause.originalError : undefined) {
    if (cause instanceof DomainError) return cause;
  }
  return undefined;
}

/** Everything but the HTTP status, which Apollo has already taken from `extensions.http` for the response. */
function clientExtensions(error: DomainError): Record<string, unknown> {
  const { http: _http, ...extensions } = error.extensions;
  return extensions;
}

/**
 * A domain error as graphql-ws wants the errors of an operation refused before it runs
 * (GraphQLError instances); `formatError` then shapes it like any other.
 */
export function graphQLErrorOf(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { ...error.extensions } });
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function firstConstraint(errors: ValidationErrorLike[], prefix = ''): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints && Object.values(error.constraints)[0];
    if (message) return { field, message };
    const nested = firstConstraint(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

function withoutStack(extensions: GraphQLFormattedError['extensions']): Record<string, unknown> {
  const { stacktrace: _stacktrace, ...rest } = extensions ?? {};
  return rest;
}
