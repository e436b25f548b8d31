import type { DataSource, EntityManager } from 'typeorm';

/** A data source, or a transaction's manager: the lookups are plain function calls either way. */
type Queryable = Pick<DataSource | EntityManager, 'query'>;

/**
 * The questions asked before a tenant is known. Row-level security shows the application
 * no tenant rows until it acts as one, so each of these is a SECURITY DEFINER function
 * (migration RowLevelSecurity1763830000000) that answers with an organization id only;
 * the rows themselves are then read as that organization.
 */
async function lookUp(dataSource: Queryable, sql: string, parameters: unknown[] = []): Promise<string | undefined> {
  const rows: { organization_id: string | null }[] = await dataSource.query(sql, parameters);
  return rows[0]?.organization_id ?? undefined;
}

export const tenantOfApiKey = (dataSource: DataSource, secretHash: string) =>
  lookUp(dataSource, `SELECT counterchat_tenant_of_api_key($1) AS organization_id`, [secretHash]);

export const tenantOfStaffEmail = (dataSource: Queryable, email: string) =>
  lookUp(dataSource, `SELECT counterchat_tenant_of_staff_email($1) AS organization_id`, [email]);

export const tenantOfSlug = (dataSource: DataSource, slug: string) =>
  lookUp(dataSource, `SELECT counterchat_tenant_of_slug($1) AS organization_id`, [slug]);

/** The pharmacy of an invitation, by its token's hash: before anyone is signed in. */
export const tenantOfStaffInvitation = (dataSource: Queryable, tokenHash: string) =>
  lookUp(dataSource, `SELECT counterchat_tenant_of_staff_invitation($1) AS organization_id`, [tokenHash]);

/** The pharmacy of a password reset link, by its token's hash. */
export const tenantOfPasswordReset = (dataSource: Queryable, tokenHash: string) =>
  lookUp(dataSource, `SELECT counterchat_tenant_of_password_reset($1) AS organization_id`, [tokenHash]);

export const tenantOfAttachment = (dataSource: DataSource, attachmentId: string) =>
  lookUp(dataSource, `SELECT counterchat_tenant_of_attachment($1) AS organization_id`, [attachmentId]);

async function tenantList(dataSource: DataSource, sql: string, parameters: unknown[] = []): Promise<string[]> {
  const rows: { organization_id: string }[] = await dataSource.query(sql, parameters);
  return rows.map((row) => row.organization_id);
}

/** Pharmacies with webhook deliveries due now. */
export const tenantsWithDueWebhooks = (dataSource: DataSource) =>
  tenantList(dataSource, `SELECT counterchat_tenants_with_due_webhooks() AS organization_id`);

/** Pharmacies that set a retention period. */
export const tenantsWithRetention = (dataSource: DataSource) =>
  tenantList(dataSource, `SELECT counterchat_tenants_with_retention() AS organization_id`);

/** Pharmacies with webhook events recorded before `before`. */
export const tenantsWithOutboxBefore = (dataSource: DataSource, before: Date) =>
  tenantList(dataSource, `SELECT counterchat_tenants_with_outbox_before($1) AS organization_id`, [before]);

/** Sessions ended at or after `since` whose tokens have not expired yet, across pharmacies: ids and expiry only. */
export async function endedStaffSessionsSince(dataSource: Queryable, since: Date): Promise<{ id: string; expiresAt: Date }[]> {
  const rows: { id: string; expires_at: Date }[] = await dataSource.query(`SELECT id, expires_at FROM counterchat_ended_staff_sessions($1)`, [since]);
  return rows.map((row) => ({ id: row.id, expiresAt: row.expires_at }));
}
