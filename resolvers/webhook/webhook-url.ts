import { isIP } from 'node:net';
import { badUserInput } from '../../gateway/errors/domain-error.js';

/**
 * A receiver's URL must be absolute http(s) without credentials. In production it must
 * be https, and literal loopback, private and link-local addresses are refused so a key
 * holder can't make the gateway call into its own network (the cloud metadata address
 * included). Host names are not resolved here: they can change later, so deliveries check
 * the addresses they actually connect to (gateway/webhooks/public-address-guard.ts).
 */
export function checkWebhookUrl(value: string, { production }: { production: boolean }): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw badUserInput('url', 'Give a full URL, e.g. https://example.com/counterchat/webhook.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badUserInput('url', 'Webhook URLs use https://.');
  if (production && url.protocol !== 'https:') throw badUserInput('url', 'Webhook URLs must use https://.');
  if (url.username || url.password) throw badUserInput('url', 'Put no credentials in the URL; verify the signature instead.');
  if (production && isInternalAddress(url.hostname)) throw badUserInput('url', 'Webhook URLs must point at a public address.');
  url.hash = '';
  return url.toString();
}

function isInternalAddress(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) return true;
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(host) === 6) return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:');
  return false;
}
