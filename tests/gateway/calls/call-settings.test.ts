import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { readCallSettings } from '../../../gateway/calls/call-settings.js';
import { iceServersFor, turnCredentials } from '../../../gateway/calls/turn-credentials.js';
import { StartupError } from '../../../gateway/errors/startup-error.js';

describe('call settings', () => {
  it('has no ICE servers unless ICE_SERVERS names them (no public STUN assumed)', () => {
    expect(readCallSettings({}).iceServerUrls).toEqual([]);
    expect(iceServersFor(readCallSettings({}), 'call')).toEqual([]);
  });

  it('refuses an ICE_SERVERS entry that is not a STUN or TURN URL', () => {
    expect(() => readCallSettings({ ICE_SERVERS: 'stun:ok.example.org,https://nope.example.org' })).toThrow(StartupError);
  });

  it('refuses TURN without TURN_SECRET, rather than handing out no credentials', () => {
    expect(() => readCallSettings({ ICE_SERVERS: 'turn:turn.example.org' })).toThrow(/TURN_SECRET/);
  });

  it('leaves TURN out when only STUN is configured, even with a secret', () => {
    expect(iceServersFor(readCallSettings({ ICE_SERVERS: 'stun:a.example.org', TURN_SECRET: 's' }), 'call')).toEqual([{ urls: ['stun:a.example.org'], username: null, credential: null }]);
  });

  it("makes coturn's REST API credentials: <expiry>:<name> and base64(HMAC-SHA1(secret, username))", () => {
    const now = Date.UTC(2026, 11, 1, 8, 0, 0);
    const { username, credential, expiresAt } = turnCredentials('secret', 'call-1', 600, now);
    expect(username).toBe(`${now / 1000 + 600}:call-1`);
    expect(credential).toBe(createHmac('sha1', 'secret').update(username).digest('base64'));
    expect(expiresAt.getTime()).toBe(now + 600_000);
  });
});
