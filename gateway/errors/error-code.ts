/**
 * The only codes a client ever sees in `extensions.code` (besides GraphQL's own
 * parse/validation codes). Shared with every client through CONTRACTS.md.
 */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  BadUserInput = 'BAD_USER_INPUT',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}
