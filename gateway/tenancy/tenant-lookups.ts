import type { DataSource } from 'typeorm';

/**
 * The questions asked before a tenant is known. Row-level security shows the application
 * no tenant rows until it acts as one, so each of these is a SECURITY DEFINER function
 * (migration RowLevelSecurity1763830000000) that answers with an organization id only;
 * the rows themselves are then read as that organization (`TenantDatabase.asTenant`).
 */
export class TenantLookups {
  constructor(private readonly dataSource: DataSource) {}

  tenantOfApiKey(secretHash: string): Promise<string | undefined> {
    return this.lookUp(`SELECT counterchat_tenant_of_api_key($1) AS organization_id`, [secretHash]);
  }

  tenantOfStaffEmail(email: string): Promise<string | undefined> {
    return this.lookUp(`SELECT counterchat_tenant_of_staff_email($1) AS organization_id`, [email]);
  }

  tenantOfSlug(slug: string): Promise<string | undefined> {
    return this.lookUp(`SELECT counterchat_tenant_of_slug($1) AS organization_id`, [slug]);
  }

  tenantOfAttachment(attachmentId: string): Promise<string | undefined> {
    return this.lookUp(`SELECT counterchat_tenant_of_attachment($1) AS organization_id`, [attachmentId]);
  }

  /** Pharmacies with webhook deliveries due now. */
  tenantsWithDueWebhooks(): Promise<string[]> {
    return this.list(`SELECT counterchat_tenants_with_due_webhooks() AS organization_id`);
  }

  /** Pharmacies that set a retention period. */
  tenantsWithRetention(): Promise<string[]> {
    return this.list(`SELECT counterchat_tenants_with_retention() AS organization_id`);
  }

  /** Pharmacies with webhook events recorded before `before`. */
  tenantsWithOutboxBefore(before: Date): Promise<string[]> {
    return this.list(`SELECT counterchat_tenants_with_outbox_before($1) AS organization_id`, [before]);
  }

  private async lookUp(sql: string, parameters: unknown[]): Promise<string | undefined> {
    const rows: { organization_id: string | null }[] = await this.dataSource.query(sql, parameters);
    return rows[0]?.organization_id ?? undefined;
  }

  private async list(sql: string, parameters: unknown[] = []): Promise<string[]> {
    const rows: { organization_id: string }[] = await this.dataSource.query(sql, parameters);
    return rows.map((row) => row.organization_id);
  }
}
