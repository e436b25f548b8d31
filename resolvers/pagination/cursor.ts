import { badUserInput } from '../../gateway/errors/domain-error.js';

/**
 * Cursors are opaque to clients (base64url of a tagged JSON tuple), so the keys
 * behind them can change without breaking anyone who treats them as opaque.
 */
export function encodeCursor(tag: string, values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([tag, ...values])).toString('base64url');
}

/**
 * The values behind a cursor of this tag, or BAD_USER_INPUT naming the argument.
 * `accepts` checks the values' types, so a hand-made cursor never reaches SQL as a cast error.
 */
export function decodeCursor(
  cursor: string,
  tag: string,
  field: string,
  accepts: (values: (string | number)[]) => boolean,
): (string | number)[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded[0] === tag && decoded.slice(1).every(isKeyValue) && accepts(decoded.slice(1))) {
      return decoded.slice(1);
    }
  } catch {
    // Fall through to the typed error below.
  }
  throw badUserInput(field, `"${field}" is not a cursor from this list.`);
}

function isKeyValue(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

export { isUuid as isUuidValue } from '../../gateway/tenancy/tenant-scope.js';

export const isTimestampValue = (value: unknown): boolean =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
