import { badUserInput } from '../errors/domain-error.js';

/**
 * Lower-cased and trimmed (staff addresses are stored so, and unique across pharmacies), or
 * BAD_USER_INPUT. Deliberately loose: one @, something on both sides, a dot in the domain, no
 * spaces; the invitation mail is the real test of an address.
 */
export function normalizeEmail(email: string, field = 'email'): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized)) throw badUserInput(field, 'Give a valid e-mail address, like name@pharmacy.nl.');
  return normalized;
}
