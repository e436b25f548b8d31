import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { StaffRole } from '../../../entities/staff-user.entity.js';
import { TokenIssuer } from '../../../gateway/auth/token-issuer.js';
import type { StaffViewer } from '../../../gateway/auth/viewer.js';

const SECRET = 'a-test-secret-of-enough-length-for-hs256-signing';
const staff = { organizationId: 'org-1', staffId: 'staff-1', role: StaffRole.PHARMACIST, sessionId: 'session-1' };

describe('TokenIssuer', () => {
  afterEach(() => jest.useRealTimers());

  it('answers a staff viewer for its own staff token, again when the token comes back', async () => {
    const tokens = new TokenIssuer(SECRET);
    const { token } = await tokens.issueStaffToken(staff);
    for (let i = 0; i < 2; i += 1) {
      expect(await tokens.verify(token)).toMatchObject({ kind: 'staff', organizationId: 'org-1', staffId: 'staff-1', role: 'PHARMACIST', sessionId: 'session-1' });
    }
  });

  it('refuses a token signed with another secret, whatever the other instance verified', async () => {
    const { token } = await new TokenIssuer('another-secret-of-enough-length-for-hs256-signing').issueStaffToken(staff);
    await expect(new TokenIssuer(SECRET).verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token it verified before once the token has expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const tokens = new TokenIssuer(SECRET);
    const { token } = await tokens.issueStaffToken(staff, new Date('2026-12-01T10:00:30Z'));
    await expect(tokens.verify(token)).resolves.toMatchObject({ staffId: 'staff-1' });
    jest.setSystemTime(new Date('2026-12-01T10:00:31Z'));
    await expect(tokens.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'Your session has expired. Sign in again.' });
  });

  it('gives each caller its own viewer, so one request changing it leaves the next one alone', async () => {
    const tokens = new TokenIssuer(SECRET);
    const { token } = await tokens.issueStaffToken(staff);
    const first = (await tokens.verify(token)) as StaffViewer;
    first.role = StaffRole.ADMIN;
    expect(await tokens.verify(token)).toMatchObject({ role: 'PHARMACIST' });
  });
});
