import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const SEALED_PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Keeps the few secrets Counterchat must be able to read back (a TOTP secret, the link a queued
 * mail carries) sealed at rest, and hashes high-entropy codes with a pepper, both with keys
 * derived from AUTH_SECRET (HKDF-SHA-256, one key per purpose). Someone who reads the
 * database, a backup or the job queue learns neither.
 *
 * Rotating AUTH_SECRET therefore also makes sealed values unreadable: two-factor enrolments
 * (and their recovery codes) then have to be made again, and queued mails fail (README).
 */
export class SecretBox {
  private readonly sealKey: Buffer;
  private readonly pepper: Buffer;

  constructor(authSecret: string) {
    this.sealKey = Buffer.from(hkdfSync('sha256', authSecret, 'counterchat', 'sealed secrets v1', 32));
    this.pepper = Buffer.from(hkdfSync('sha256', authSecret, 'counterchat', 'code pepper v1', 32));
  }

  /** AES-256-GCM: `v1.` + base64url(iv ‖ tag ‖ ciphertext). */
  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
  }

  /** The sealed text; throws if it was sealed with another secret or altered. */
  open(sealed: string): string {
    if (!sealed.startsWith(SEALED_PREFIX)) throw new Error('Not a sealed value');
    const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /**
   * HMAC-SHA-256 with the pepper, hex: for codes with enough entropy of their own (recovery
   * codes) that a slow hash would add nothing but cost; the pepper keeps a stolen table useless.
   */
  pepperedHash(value: string): string {
    return createHmac('sha256', this.pepper).update(value, 'utf8').digest('hex');
  }

  matchesPepperedHash(value: string, hash: string): boolean {
    const actual = Buffer.from(this.pepperedHash(value), 'hex');
    const expected = Buffer.from(hash, 'hex');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
