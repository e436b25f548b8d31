import { SecretBox } from '../secrets/secret-box.js';
import { loadOrCreateSecret } from '../secrets/secrets.js';
import { DEFAULT_TWILIO_API_URL } from '../sms/sms-config.js';

export const DEFAULT_WHATSAPP_API_URL = 'https://graph.facebook.com';

/** Where the channel providers are, and the key their secrets are sealed with. */
export interface ChannelConfig {
  /** CHANNEL_SECRETS_KEY; unset: generated into DATA_DIR/secrets/channel-secrets-key. */
  secretsKey: string | undefined;
  /** WHATSAPP_API_URL: the Graph API, or a test server. */
  whatsappApiUrl: string;
  /** TWILIO_API_URL: Twilio's REST API, or a test server. */
  twilioApiUrl: string;
}

export function readChannelConfig(env: NodeJS.ProcessEnv): ChannelConfig {
  return {
    secretsKey: env.CHANNEL_SECRETS_KEY || undefined,
    whatsappApiUrl: baseUrl('WHATSAPP_API_URL', env.WHATSAPP_API_URL || DEFAULT_WHATSAPP_API_URL),
    twilioApiUrl: baseUrl('TWILIO_API_URL', env.TWILIO_API_URL || DEFAULT_TWILIO_API_URL),
  };
}

function baseUrl(name: string, value: string): string {
  const url = value.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error(`${name} must be an http(s) URL`);
  return url;
}

/**
 * Seals channel secrets (access tokens, app secrets, auth tokens) with AES-256-GCM under a key
 * of their own, not AUTH_SECRET: rotating the sign-in secret must not lose every connection.
 */
export async function loadChannelSecretBox(config: ChannelConfig, dataDir: string): Promise<SecretBox> {
  return new SecretBox(config.secretsKey ?? (await loadOrCreateSecret(dataDir, 'channel-secrets-key')));
}

/** What features use to reach the providers: their base URLs and the sealing of their secrets. */
export interface ChannelProviders {
  secrets: SecretBox;
  whatsappApiUrl: string;
  twilioApiUrl: string;
}

export async function loadChannelProviders(config: ChannelConfig, dataDir: string): Promise<ChannelProviders> {
  return { secrets: await loadChannelSecretBox(config, dataDir), whatsappApiUrl: config.whatsappApiUrl, twilioApiUrl: config.twilioApiUrl };
}
