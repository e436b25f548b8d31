import { unknownPlaceholders } from '../../clients/shared/saved-replies/placeholders.js';
import { DomainError, badUserInput } from '../../gateway/errors/domain-error.js';
import { ErrorCode } from '../../gateway/errors/error-code.js';

export const MAX_SHORTCUT_LENGTH = 40;
export const MAX_TITLE_LENGTH = 100;
export const MAX_BODY_LENGTH = 4000;

const SHORTCUT = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The shortcut as stored: trimmed, lower-cased, without the `/` people tend to type along.
 * Then lower-case letters, digits and single dashes between them (what the composer's `/`
 * list can match as one word).
 */
export function checkShortcut(written: string): string {
  const shortcut = written.trim().replace(/^\//, '').toLowerCase();
  if (!shortcut || shortcut.length > MAX_SHORTCUT_LENGTH || !SHORTCUT.test(shortcut)) {
    throw badUserInput('shortcut', `A shortcut is 1 to ${MAX_SHORTCUT_LENGTH} lower-case letters, digits and dashes, e.g. "opening-hours".`);
  }
  return shortcut;
}

export function checkTitle(written: string): string {
  const title = written.trim();
  if (!title || title.length > MAX_TITLE_LENGTH) throw badUserInput('title', `A title needs 1 to ${MAX_TITLE_LENGTH} characters.`);
  return title;
}

/** Kept as written (line breaks are the point), but not blank, not too long, and only placeholders the composer can fill. */
export function checkBody(written: string): string {
  const body = written.replace(/\r\n?/g, '\n').trim();
  if (!body || body.length > MAX_BODY_LENGTH) throw badUserInput('body', `A saved reply needs 1 to ${MAX_BODY_LENGTH.toLocaleString('en')} characters.`);
  const unknown = unknownPlaceholders(body);
  if (unknown.length > 0) {
    const names = unknown.map((name) => `{{${name}}}`).join(', ');
    throw new DomainError(ErrorCode.BadUserInput, `Unknown placeholder${unknown.length > 1 ? 's' : ''}: ${names}.`, { field: 'body', unknownPlaceholders: unknown });
  }
  return body;
}
