import type { DataSource } from 'typeorm';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { unknownUserPasswordHash, verifyPassword } from '../../gateway/auth/password.js';
import type { IssuedToken, TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { unauthenticated } from '../../gateway/errors/app-error.js';

export interface StaffSession extends IssuedToken {
  staff: StaffUser;
}

/** Staff sign-in. Unknown email and wrong password look exactly alike, in words and in time. */
export async function signInStaff(
  email: string,
  password: string,
  deps: { dataSource: DataSource; tokens: TokenIssuer },
): Promise<StaffSession> {
  const staff = await deps.dataSource
    .getRepository(StaffUser)
    .createQueryBuilder('staff')
    .addSelect('staff.passwordHash')
    .where('staff.email = :email', { email: email.trim().toLowerCase() })
    .getOne();
  const matches = await verifyPassword(password, staff?.passwordHash ?? unknownUserPasswordHash);
  if (!staff || !matches) throw unauthenticated('Email or password is incorrect.');
  const issued = await deps.tokens.issueStaffToken({ organizationId: staff.organizationId, staffId: staff.id, role: staff.role });
  return { ...issued, staff };
}
