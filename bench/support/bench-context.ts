import type pg from 'pg';
import { staffTokenExpiry, type TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { StaffRole } from '../../entities/staff-user.entity.js';
import type { BenchDatabase } from './bench-database.js';
import type { ProfileSummary } from './cpu-profile.js';
import { startGatewayProcess, type GatewayProcess } from './gateway-process.js';

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
  /** With BENCH_PROFILE_DIR: takes each gateway's profile summary when it stops. */
  recordProfile(summary: ProfileSummary, markdown: string): void;
}

/** A gateway process on the bench's database, as users run it (gateway-process.ts), named `label` in the profiles. */
export function startBenchGateway(context: BenchContext, label: string, options: { redisUrl?: string } = {}): Promise<GatewayProcess> {
  return startGatewayProcess({
    databaseUrl: context.database.url,
    authSecret: context.authSecret,
    redisUrl: options.redisUrl,
    label,
    onProfile: (summary, markdown) => context.recordProfile(summary, markdown),
  });
}

/** A signed-in pharmacist: a session row (as a sign-in makes) and the token that names it. */
export async function staffToken(context: BenchContext, organizationId: string, staffId: string): Promise<string> {
  return (await staffTokens(context, organizationId, [staffId]))[0]!;
}

/**
 * Signed-in pharmacists, one per load client: a session row each (inserted in one statement)
 * and the tokens that name them, in the order of `staffIds`.
 */
export async function staffTokens(context: BenchContext, organizationId: string, staffIds: string[]): Promise<string[]> {
  const expiresAt = staffTokenExpiry();
  const { rows } = await context.pool.query<{ id: string; staff_id: string }>(
    `INSERT INTO staff_session (organization_id, staff_id, expires_at) SELECT $1, staff, $3 FROM unnest($2::uuid[]) staff RETURNING id, staff_id`,
    [organizationId, staffIds, expiresAt],
  );
  const sessionOf = new Map(rows.map((row) => [row.staff_id, row.id]));
  const tokens: string[] = [];
  for (const staffId of staffIds) {
    const sessionId = sessionOf.get(staffId)!;
    tokens.push((await context.tokens.issueStaffToken({ organizationId, staffId, role: StaffRole.PHARMACIST, sessionId }, expiresAt)).token);
  }
  return tokens;
}
