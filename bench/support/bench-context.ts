import type pg from 'pg';
import { staffTokenExpiry, type TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { StaffRole } from '../../entities/staff-user.entity.js';
import type { BenchDatabase } from './bench-database.js';

/** What every scenario gets from the orchestrator. */
export interface BenchContext {
  database: BenchDatabase;
  /** For seeding and inspection; not used while measuring. */
  pool: pg.Pool;
  tokens: TokenIssuer;
  /** The secret the gateway processes sign with, so `tokens` issues tokens they accept. */
  authSecret: string;
  /** Small sizes and short runs: the test suite runs this so the suite never rots. */
  quick: boolean;
  /** For the two-instance fan-out; unset skips it. */
  redisUrl: string | undefined;
  /** Progress lines for the person watching. */
  log(line: string): void;
}

/** A signed-in pharmacist: a session row (as a sign-in makes) and the token that names it. */
export async function staffToken(context: BenchContext, organizationId: string, staffId: string): Promise<string> {
  const expiresAt = staffTokenExpiry();
  const { rows } = await context.pool.query<{ id: string }>(`INSERT INTO staff_session (organization_id, staff_id, expires_at) VALUES ($1, $2, $3) RETURNING id`, [organizationId, staffId, expiresAt]);
  return (await context.tokens.issueStaffToken({ organizationId, staffId, role: StaffRole.PHARMACIST, sessionId: rows[0]!.id }, expiresAt)).token;
}
