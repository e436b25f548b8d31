import { dictionary } from '@zxcvbn-ts/language-common';

/** NIST SP 800-63B and OWASP: length, and no known-breached or trivial passwords; no composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; a bound on what scrypt is handed. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The ~49,000 most common passwords of zxcvbn's list (package `@zxcvbn-ts/language-common`,
 * `passwords-common`, compiled from leaked password sets), lower-cased. Few are 12 characters
 * or longer, but those few ("qwerty123456", "1qaz2wsx3edc") are exactly what guessers try first.
 */
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase())));

/** Why `password` may not be used, as one sentence for the person choosing it; undefined when it may. */
export function passwordProblem(password: string, person: { email?: string } = {}): string | undefined {
  const characters = [...password.normalize('NFKC')];
  if (characters.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters; a few words make a good password.`;
  if (characters.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lowered = password.normalize('NFKC').toLowerCase();
  if (new Set(characters).size <= 2) return 'This password is too easy to guess: it repeats the same characters.';
  if (commonPasswords().has(lowered)) return 'This is one of the most common passwords; choose another.';
  const email = person.email?.trim().toLowerCase();
  if (email && (lowered === email || lowered === email.split('@')[0])) return 'Your password must not be your e-mail address.';
  return undefined;
}
