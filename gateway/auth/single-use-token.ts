import { createHash, randomBytes } from 'node:crypto';

/**
 * A link token (invitation, password reset): 32 random bytes, base64url. Only its SHA-256 is
 * stored: 256 bits need no slow hash, and a stolen table holds nothing usable. The token
 * itself lives in the link's `#fragment`, which browsers never send to a server, so it stays
 * out of request logs and Referer headers.
 */
export function generateSingleUseToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSingleUseToken(token) };
}

export function hashSingleUseToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` could be one of ours at all (43 base64url characters), before any lookup. */
export function looksLikeSingleUseToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
