import { StartupError } from '../errors/startup-error.js';

/** How video calls are set up (issue 21): ICE servers, TURN credentials and how long a call rings. */
export interface CallSettings {
  /** ICE_SERVERS: `stun:`, `stuns:`, `turn:` and `turns:` URLs. Empty: host candidates only (same network, or localhost). */
  iceServerUrls: string[];
  /** TURN_SECRET: coturn's `static-auth-secret`, for per-call credentials. Required when ICE_SERVERS lists a TURN server. */
  turnSecret: string | undefined;
  /** How long TURN credentials stay valid. Default 4 hours (coturn checks them on every refresh of an allocation). */
  turnCredentialTtlSeconds: number;
  /** A call the customer hasn't joined this long after it started becomes MISSED. Default 60 s; tests shorten it. */
  ringTimeoutMs: number;
}

export const DEFAULT_RING_TIMEOUT_MS = 60_000;
export const DEFAULT_TURN_CREDENTIAL_TTL_SECONDS = 4 * 60 * 60;

const ICE_URL = /^(stuns?|turns?):[^\s,]+$/;

/** Reads ICE_SERVERS (comma-separated) and TURN_SECRET; a malformed URL or TURN without a secret stops the start. */
export function readCallSettings(env: NodeJS.ProcessEnv): CallSettings {
  const iceServerUrls = (env.ICE_SERVERS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of iceServerUrls) {
    if (!ICE_URL.test(url)) throw new StartupError(`ICE_SERVERS must list stun:, stuns:, turn: or turns: URLs separated by commas; "${url}" is none of those.`);
  }
  const turnSecret = env.TURN_SECRET || undefined;
  if (!turnSecret && iceServerUrls.some(isTurnUrl)) {
    throw new StartupError('ICE_SERVERS lists a TURN server: set TURN_SECRET to its static-auth-secret, so each call gets credentials of its own.');
  }
  return { iceServerUrls, turnSecret, turnCredentialTtlSeconds: DEFAULT_TURN_CREDENTIAL_TTL_SECONDS, ringTimeoutMs: DEFAULT_RING_TIMEOUT_MS };
}

export const isTurnUrl = (url: string) => url.startsWith('turn:') || url.startsWith('turns:');
