import { createHmac, timingSafeEqual } from 'node:crypto';

/** A signed identity is accepted this long after `issuedAt`… */
export const IDENTITY_MAX_AGE_SECONDS = 5 * 60;
/** …and this far in the future (clock skew between the store and us). */
export const IDENTITY_MAX_SKEW_SECONDS = 60;

export interface SignedIdentity {
  organizationSlug: string;
  externalId: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  issuedAt: number;
  nonce: string;
}

/**
 * The exact string a store signs, one field per line:
 * `counterchat-identity-v1`, slug, externalId, name, email or "", phone or "", issuedAt, nonce.
 * Fields can't contain line breaks (`hasLineBreak`), so one string has one reading.
 */
export function canonicalIdentity(identity: SignedIdentity): string {
  return [
    'counterchat-identity-v1',
    identity.organizationSlug,
    identity.externalId,
    identity.name,
    identity.email ?? '',
    identity.phone ?? '',
    String(identity.issuedAt),
    identity.nonce,
  ].join('\n');
}

export function hasLineBreak(identity: SignedIdentity): boolean {
  return [identity.organizationSlug, identity.externalId, identity.name, identity.email, identity.phone, identity.nonce].some(
    (field) => typeof field === 'string' && /[\r\n]/.test(field),
  );
}

export function signIdentity(identity: SignedIdentity, secret: string): string {
  return createHmac('sha256', secret).update(canonicalIdentity(identity), 'utf8').digest('hex');
}

/** Constant-time comparison of the hex signature with the one we compute. */
export function isValidIdentitySignature(identity: SignedIdentity, signature: string, secret: string): boolean {
  if (hasLineBreak(identity) || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = Buffer.from(signIdentity(identity, secret), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature.toLowerCase(), 'hex'));
}

export type IdentityAge = 'fresh' | 'expired' | 'future';

export function identityAge(issuedAt: number, now: Date): IdentityAge {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (issuedAt > nowSeconds + IDENTITY_MAX_SKEW_SECONDS) return 'future';
  if (issuedAt < nowSeconds - IDENTITY_MAX_AGE_SECONDS) return 'expired';
  return 'fresh';
}
