import { createHmac } from 'node:crypto';
import { isTurnUrl, type CallSettings } from './call-settings.js';

/** One entry of RTCConfiguration.iceServers. */
export interface IceServer {
  urls: string[];
  username: string | null;
  credential: string | null;
}

/**
 * Short-lived TURN credentials in coturn's REST API scheme (`use-auth-secret`): the username
 * is `<expiry as unix seconds>:<name>`, the credential base64(HMAC-SHA1(secret, username)).
 * coturn recomputes the HMAC and refuses usernames past their expiry, so nothing is stored
 * and no static password reaches a browser.
 */
export function turnCredentials(secret: string, name: string, ttlSeconds: number, now = Date.now()): { username: string; credential: string; expiresAt: Date } {
  const expiry = Math.floor(now / 1000) + ttlSeconds;
  const username = `${expiry}:${name}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt: new Date(expiry * 1000) };
}

/** The ICE servers a call's participant uses: STUN as configured, TURN with credentials named for `name`. */
export function iceServersFor(settings: CallSettings, name: string, now = Date.now()): IceServer[] {
  const stun = settings.iceServerUrls.filter((url) => !isTurnUrl(url));
  const turn = settings.iceServerUrls.filter(isTurnUrl);
  const servers: IceServer[] = [];
  if (stun.length > 0) servers.push({ urls: stun, username: null, credential: null });
  if (turn.length > 0 && settings.turnSecret) {
    const { username, credential } = turnCredentials(settings.turnSecret, name, settings.turnCredentialTtlSeconds, now);
    servers.push({ urls: turn, username, credential });
  }
  return servers;
}
