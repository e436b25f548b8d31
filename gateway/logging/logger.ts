import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

/**
 * Where anything in a log entry could carry health information or a credential. Message
 * bodies, names, phone numbers, emails and file names are personal data; tokens, keys,
 * secrets and passwords are credentials. Redacted wherever they appear at these paths,
 * and errors are reduced to what a developer needs (see `serializeError`).
 */
export const REDACTED_PATHS = [
  'body',
  '*.body',
  '*.*.body',
  'message.body',
  'variables',
  '*.variables',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'customer.name',
  '*.customer.name',
  'fileName',
  '*.fileName',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

const CENSOR = '[redacted]';

/**
 * Errors keep their name, message, code, constraint and stack. SQL text, its parameters
 * and PostgreSQL's `detail` ("Key (phone)=(+31…) already exists") are dropped: they carry
 * the very values a query wrote.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const base = stdSerializers.err(error);
  const { message, stack } = base;
  const extra = error as Error & { code?: unknown; constraint?: unknown; table?: unknown; cause?: unknown };
  return {
    type: base.type,
    name: error.name,
    message,
    code: extra.code,
    constraint: extra.constraint,
    table: extra.table,
    stack,
    ...(extra.cause ? { cause: serializeError(extra.cause) } : {}),
  };
}

export interface LoggerOptions {
  level?: string;
  /** Defaults to stdout; tests pass a stream to read what was written. */
  destination?: DestinationStream;
}

export function createLogger({ level = process.env.LOG_LEVEL ?? 'info', destination }: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      base: { service: 'counterchat' },
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      serializers: { err: serializeError, error: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** The process's logger: JSON lines on stdout, one per event. */
export const logger: Logger = createLogger();
