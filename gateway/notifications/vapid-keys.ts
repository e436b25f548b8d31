import webpush from 'web-push';
import { loadOrCreateSecret } from '../secrets/secrets.js';

/** The gateway's VAPID identity: browsers subscribe with the public key, pushes are signed with the private one. */
export interface VapidKeys {
  /** Uncompressed P-256 point, base64url: `applicationServerKey` in the browser. */
  publicKey: string;
  privateKey: string;
  /** `mailto:` or `https:` contact that push services may use (the JWT's `sub`). */
  subject: string;
}

/** VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT as read from the environment (config.ts). */
export interface VapidConfig {
  publicKey: string | undefined;
  privateKey: string | undefined;
  subject: string;
}

const VAPID_SECRET = 'vapid-keys';

/**
 * The keys from the environment, or else those generated once into
 * `DATA_DIR/secrets/vapid-keys` (every instance on that folder shares them; a new pair
 * would orphan every browser's subscription).
 */
export async function loadVapidKeys(config: VapidConfig, dataDir: string): Promise<VapidKeys> {
  if (config.publicKey && config.privateKey) return { publicKey: config.publicKey, privateKey: config.privateKey, subject: config.subject };
  if (config.publicKey || config.privateKey) throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: set both, or neither to have them generated.');
  const stored = await loadOrCreateSecret(dataDir, VAPID_SECRET, () => JSON.stringify(webpush.generateVAPIDKeys()));
  const keys = JSON.parse(stored) as { publicKey: string; privateKey: string };
  return { publicKey: keys.publicKey, privateKey: keys.privateKey, subject: config.subject };
}

/** VAPID_SUBJECT's default: PUBLIC_URL when it is https, else the MAIL_FROM address as `mailto:`. */
export function defaultVapidSubject(publicUrl: string, mailFrom: string): string {
  if (publicUrl.startsWith('https://')) return publicUrl;
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `mailto:${address}`;
}
