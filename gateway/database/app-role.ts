import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { APP_ROLE } from '../../entities/migrations/1763830000000-row-level-security.js';

/**
 * The application's connection when no DATABASE_APP_URL is given: the owner's server, as
 * the `counterchat_app` role the migrations created, which this gives a login. Its password
 * is derived from the owner's credentials, so every instance (and every database on the
 * same server) arrives at the same one without storing another secret.
 */
export async function provisionAppRole(owner: DataSource, ownerUrl: string): Promise<string> {
  const url = new URL(ownerUrl);
  const password = createHmac('sha256', `${url.username}:${decodeURIComponent(url.password)}@${url.host}`).update(`${APP_ROLE} login`).digest('base64url');
  // A utility statement takes no parameters; base64url has no quote to escape.
  await alterRole(owner, `ALTER ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${password}'`);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * A role belongs to the whole server, so gateways on other databases of the same server may
 * alter it at the same moment; PostgreSQL then fails the loser with "tuple concurrently
 * updated" (XX000). The statement sets the same attributes and the same password every time,
 * so trying again is safe; an advisory lock would not help, being per database.
 */
async function alterRole(owner: DataSource, statement: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await owner.query(statement);
      return;
    } catch (error) {
      if (attempt >= 5 || !/tuple concurrently updated/.test(String((error as Error).message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}

/**
 * Row-level security is only a wall if the application can't walk around it, and the
 * gateway only works with the privileges of `counterchat_app`: refuse to start otherwise.
 */
export async function assertSubjectToRowSecurity(app: DataSource): Promise<void> {
  const [role]: { name: string; bypasses: boolean; owned: number; member: boolean }[] = await app.query(
    `SELECT current_user AS name, (rolsuper OR rolbypassrls) AS bypasses,
            (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned,
            pg_has_role(current_user, '${APP_ROLE}', 'USAGE') AS member
       FROM pg_roles WHERE rolname = current_user`,
  );
  const problem = !role ? 'is unknown' : role.bypasses ? 'bypasses row-level security' : role.owned > 0 ? 'owns tables' : !role.member ? `is not a member of ${APP_ROLE}` : undefined;
  if (problem) {
    throw new Error(
      `The application's database role "${role?.name}" ${problem}; connect as a role without BYPASSRLS ` +
        `that is a member of ${APP_ROLE} (DATABASE_APP_URL, see README "Database roles").`,
    );
  }
}

/** The tenant lookups run as the owner and must see every pharmacy: superuser or BYPASSRLS. */
export async function assertOwnerBypassesRowSecurity(owner: DataSource): Promise<void> {
  const [role]: { name: string; bypasses: boolean }[] = await owner.query(
    `SELECT current_user AS name, (rolsuper OR rolbypassrls) AS bypasses FROM pg_roles WHERE rolname = current_user`,
  );
  if (!role?.bypasses) {
    throw new Error(`The owner role "${role?.name}" (DATABASE_URL) needs BYPASSRLS: it owns the functions that find a credential's pharmacy (see README).`);
  }
}
