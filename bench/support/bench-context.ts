import type pg from 'pg';
import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
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

export async function staffToken(context: BenchContext, organizationId: string, staffId: string): Promise<string> {
  return (await context.tokens.issueStaffToken({ organizationId, staffId, role: StaffRole.PHARMACIST })).token;
}
