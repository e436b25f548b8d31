import { StaffUser } from '../../entities/staff-user.entity.js';
import { normalizeRecoveryCode } from '../../gateway/auth/recovery-codes.js';
import { acceptTotpCode } from '../../gateway/auth/totp.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

/** What the second step is made with: a code from the authenticator app, or a recovery code. */
export type SecondFactor = { code: string } | { recoveryCode: string };

export type SecondFactorCheck = { ok: false } | { ok: true; recoveryCodesLeft?: number };

/** The staff member with their two-factor secrets, locked for the rest of the transaction. */
export function lockStaffWithSecrets(scope: OrganizationScope, staffId: string): Promise<StaffUser | null> {
  return scope
    .staff('staff')
    .addSelect(['staff.totpSecret', 'staff.totpPendingSecret', 'staff.totpLastStep', 'staff.passwordHash'])
    .andWhere('staff.id = :id', { id: staffId })
    .setLock('pessimistic_write')
    .getOne();
}

/**
 * Checks the second factor of `staff` (loaded with lockStaffWithSecrets, in the scope's
 * transaction) and uses it up: a code's time step can't be accepted again, a recovery code
 * works once.
 */
export async function checkSecondFactor(scope: OrganizationScope, secrets: SecretBox, staff: StaffUser, factor: SecondFactor): Promise<SecondFactorCheck> {
  if (!staff.totpSecret) return { ok: false };
  if ('code' in factor) {
    const step = acceptTotpCode(secrets.open(staff.totpSecret), factor.code, staff.totpLastStep);
    if (step === null) return { ok: false };
    await scope.update(StaffUser, { id: staff.id }, { totpLastStep: step });
    return { ok: true };
  }
  const hash = secrets.pepperedHash(normalizeRecoveryCode(factor.recoveryCode));
  const used = await scope.execute(`UPDATE recovery_code SET used_at = now() WHERE organization_id = $1 AND staff_id = $2 AND code_hash = $3 AND used_at IS NULL`, [staff.id, hash]);
  if (!used) return { ok: false };
  const recoveryCodesLeft = await scope.recoveryCodes('recoveryCode').andWhere('recoveryCode.staffId = :staffId AND recoveryCode.usedAt IS NULL', { staffId: staff.id }).getCount();
  return { ok: true, recoveryCodesLeft };
}
