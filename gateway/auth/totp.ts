import { Secret, TOTP } from 'otpauth';

/** The authenticator apps' defaults (Google Authenticator, Microsoft Authenticator, 1Password…): SHA-1, 6 digits, 30 s. */
const PERIOD_SECONDS = 30;
/** One step either side: a phone a little fast or slow, or a code typed as it turned over. */
const WINDOW = 1;

function totpOf(secret: string, label = 'Counterchat'): TOTP {
  return new TOTP({ issuer: 'Counterchat', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** A new secret: 160 random bits (RFC 4226's recommendation), base32 as authenticator apps take it. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** `otpauth://totp/Counterchat:<label>?…`: what the QR code holds. */
export function totpUri(secret: string, label: string): string {
  return totpOf(secret, label).toString();
}

/**
 * The time step of `code` when it is right now (within a step either way) and later than
 * `lastStep` (a code is accepted once, RFC 6238 §5.2); null otherwise.
 */
export function acceptTotpCode(secret: string, code: string, lastStep: number | null | undefined, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, window: WINDOW, timestamp: now });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && lastStep !== undefined && step <= lastStep ? null : step;
}
