import QRCode from 'qrcode';
import { RecoveryCode } from '../../entities/recovery-code.entity.js';
import { SessionEndReason } from '../../entities/staff-session.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { verifyPassword } from '../../gateway/auth/password.js';
import { generateRecoveryCodes, normalizeRecoveryCode } from '../../gateway/auth/recovery-codes.js';
import { acceptTotpCode, generateTotpSecret, totpUri } from '../../gateway/auth/totp.js';
import { badUserInput, conflict, notFound } from '../../gateway/errors/domain-error.js';
import type { RateLimits } from '../../gateway/rate-limits/rate-limits.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import type { AuditingScope, OrganizationScope } from '../../gateway/tenancy/organization-scope.js';
import { endStaffSessions, type SessionAnnouncer } from '../session/session-ending.js';
import { checkSecondFactor, lockStaffWithSecrets } from './second-factor.js';

/** What the authenticator app needs: scan the QR code, or type the secret. */
export interface TwoFactorEnrolment {
  /** Base32, for typing into the app by hand. */
  secret: string;
  otpauthUri: string;
  /**
   * The QR code as an SVG data URL, made here (the `qrcode` package) rather than in the
   * dashboard: it keeps the library out of the browser bundle, and any client can show it.
   */
  qrCodeDataUrl: string;
}

export interface TwoFactorDeps {
  secrets: SecretBox;
  sessions: SessionAnnouncer;
  rateLimits: RateLimits;
  /** The session doing this, when signed in: enabling two-factor ends the others. */
  currentSessionId?: string;
}

const WRONG_CODE = 'That code is not right. Use the current code from your authenticator app.';

/**
 * A staff member's own two-factor sign-in (TOTP): enrol with a QR code, confirm with a code
 * (which turns it on and gives ten recovery codes, shown once), turn it off with the password
 * and a code. Each step is audited; codes are rate-limited per staff member.
 */
export class TwoFactorService {
  constructor(
    private readonly scope: AuditingScope,
    private readonly staffId: string,
    private readonly deps: TwoFactorDeps,
  ) {}

  async beginEnrolment(): Promise<TwoFactorEnrolment> {
    return this.scope.transaction(async (scope) => {
      const staff = await this.staff(scope);
      if (staff.totpSecret) throw conflict('Two-factor sign-in is on already; turn it off first to enrol another device.');
      const secret = generateTotpSecret();
      await scope.update(StaffUser, { id: staff.id }, { totpPendingSecret: this.deps.secrets.seal(secret) });
      const otpauthUri = totpUri(secret, staff.email);
      const svg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return { secret, otpauthUri, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
    });
  }

  /** Turns two-factor sign-in on with a code from the enrolled app; returns the recovery codes (this once). */
  async confirmEnrolment(code: string): Promise<string[]> {
    await this.deps.rateLimits.twoFactorCodes.check(`staff:${this.staffId}`);
    const outcome = await this.scope.transaction(async (scope) => {
      const staff = await this.staff(scope);
      if (staff.totpSecret) throw conflict('Two-factor sign-in is on already.');
      if (!staff.totpPendingSecret) throw conflict('Start the enrolment first (beginTwoFactorEnrolment).');
      const secret = this.deps.secrets.open(staff.totpPendingSecret);
      const step = acceptTotpCode(secret, code, null);
      if (step === null) return undefined;
      await scope.update(
        StaffUser,
        { id: staff.id },
        { totpSecret: staff.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
      );
      const codes = generateRecoveryCodes();
      await scope.delete(RecoveryCode, { staffId: staff.id });
      await scope.insertMany(
        RecoveryCode,
        codes.map((recoveryCode) => ({ staffId: staff.id, codeHash: this.deps.secrets.pepperedHash(normalizeRecoveryCode(recoveryCode)) })),
      );
      // Sessions opened with the password alone end; this one has just shown the second factor.
      if (this.deps.currentSessionId) {
        await endStaffSessions(scope, this.deps.sessions, { staffId: staff.id, except: this.deps.currentSessionId }, SessionEndReason.TWO_FACTOR_CHANGED);
      }
      await scope.audit(AuditAction.TWO_FACTOR_ENABLED, { type: 'StaffMember', id: staff.id });
      return codes;
    });
    if (outcome) return outcome;
    await this.deps.rateLimits.twoFactorCodes.consume(`staff:${this.staffId}`).catch(() => {});
    throw badUserInput('code', WRONG_CODE);
  }

  /** Needs the password and a code (or a recovery code); not while the pharmacy requires two-factor sign-in. */
  async disable(password: string, code: string): Promise<boolean> {
    await this.deps.rateLimits.passwordChecks.check(`staff:${this.staffId}`);
    const outcome = await this.scope.transaction(async (scope) => {
      const staff = await this.staff(scope);
      if (!staff.totpSecret) return 'off already' as const;
      if ((await scope.organization()).settings.requireTwoFactor) throw conflict('Your pharmacy requires two-factor sign-in for all staff.');
      if (!(await verifyPassword(password, staff.passwordHash))) return 'wrong password' as const;
      const factor = /^\s*\d{3}\s*\d{3}\s*$/.test(code) ? { code } : { recoveryCode: code };
      if (!(await checkSecondFactor(scope, this.deps.secrets, staff, factor)).ok) return 'wrong code' as const;
      await scope.update(StaffUser, { id: staff.id }, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
      await scope.delete(RecoveryCode, { staffId: staff.id });
      await scope.audit(AuditAction.TWO_FACTOR_DISABLED, { type: 'StaffMember', id: staff.id });
      return 'disabled' as const;
    });
    if (outcome === 'wrong password') {
      await this.deps.rateLimits.passwordChecks.consume(`staff:${this.staffId}`).catch(() => {});
      throw badUserInput('password', 'Your password is not right.');
    }
    if (outcome === 'wrong code') {
      await this.deps.rateLimits.passwordChecks.consume(`staff:${this.staffId}`).catch(() => {});
      await this.scope.audit(AuditAction.TWO_FACTOR_FAILED, { type: 'StaffMember', id: this.staffId });
      throw badUserInput('code', WRONG_CODE);
    }
    return true;
  }

  private async staff(scope: OrganizationScope): Promise<StaffUser> {
    const staff = await lockStaffWithSecrets(scope, this.staffId);
    if (!staff) throw notFound('Staff member');
    return staff;
  }
}
