import { fileSmsSender } from './file-sms-sender.js';
import type { SmsSender, TwilioConfig } from './sms-sender.js';
import { twilioSmsSender } from './twilio-sms-sender.js';

export interface SmsConfig {
  /** SMS_PROVIDER=twilio; unset writes each text as a file into `directory`. */
  twilio: TwilioConfig | undefined;
  /** DATA_DIR/sms. */
  directory: string;
}

export const DEFAULT_TWILIO_API_URL = 'https://api.twilio.com';

/** SMS_PROVIDER and the TWILIO_* variables; a provider without its credentials fails the start. */
export function readSmsConfig(env: NodeJS.ProcessEnv, directory: string): SmsConfig {
  const provider = env.SMS_PROVIDER || undefined;
  if (provider === undefined) return { twilio: undefined, directory };
  if (provider !== 'twilio') throw new Error(`SMS_PROVIDER must be "twilio" or unset, got "${provider}"`);
  const missing = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'].filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`SMS_PROVIDER=twilio needs ${missing.join(', ')}`);
  const apiUrl = (env.TWILIO_API_URL || DEFAULT_TWILIO_API_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(apiUrl)) throw new Error('TWILIO_API_URL must be an http(s) URL');
  return { twilio: { accountSid: env.TWILIO_ACCOUNT_SID!, authToken: env.TWILIO_AUTH_TOKEN!, from: env.TWILIO_FROM!, apiUrl }, directory };
}

export function createSmsSender(config: SmsConfig): SmsSender {
  return config.twilio ? twilioSmsSender(config.twilio) : fileSmsSender(config.directory);
}
