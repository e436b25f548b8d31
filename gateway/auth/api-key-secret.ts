import { createHash, randomBytes } from 'node:crypto';

/** Every partner key starts with this, so a bearer token is recognisable as one without a lookup. */
export const API_KEY_PREFIX = 'ccpk_';

export interface GeneratedApiKeySecret {
  secret: string;
  /** Shown in lists so people can tell keys apart; reveals nothing usable. */
  displayPrefix: string;
  hash: string;
}

export function generateApiKeySecret(): GeneratedApiKeySecret {
  const secret = API_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { secret, displayPrefix: secret.slice(0, API_KEY_PREFIX.length + 6), hash: hashApiKeySecret(secret) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}
