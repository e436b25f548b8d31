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

  /** The pharmacy of a staff invitation, by its token's hash. */
  tenantOfStaffInvitation(tokenHash: string): Promise<string | undefined> {
    return this.lookUp(`SELECT counterchat_tenant_of_staff_invitation($1) AS organization_id`, [tokenHash]);
  }

  /** The pharmacy of a password reset link, by its token's hash. */
  tenantOfPasswordReset(tokenHash: string): Promise<string | undefined> {
    return this.lookUp(`SELECT counterchat_tenant_of_password_reset($1) AS organization_id`, [tokenHash]);
  }

  /** The pharmacy of a notification's chat link, by its token's hash (issue 18). */
  tenantOfNotificationLink(tokenHash: string): Promise<string | undefined> {
    return this.lookUp(`SELECT counterchat_tenant_of_notification_link($1) AS organization_id`, [tokenHash]);
  }

  /** The pharmacy of an enabled WhatsApp or SMS connection, by the id in its webhook URL (issue 22). */
  tenantOfChannelWebhook(webhookId: string): Promise<string | undefined> {
    return this.lookUp(`SELECT counterchat_tenant_of_channel_webhook($1) AS organization_id`, [webhookId]);
  }

  /** Every pharmacy with a customer of this phone number: an SMS "STOP" reaches the one shared sender. */
  tenantsOfCustomerPhone(phone: string): Promise<string[]> {
    return this.list(`SELECT counterchat_tenants_of_customer_phone($1) AS organization_id`, [phone]);
  }

  /** Staff sessions of every pharmacy ended at or after `since` whose tokens haven't expired: ids and expiry only. */
  async endedStaffSessionsSince(since: Date): Promise<{ id: string; expiresAt: Date }[]> {
    const rows: { id: string; expires_at: Date }[] = await this.dataSource.query(`SELECT id, expires_at FROM counterchat_ended_staff_sessions($1)`, [since]);
    return rows.map((row) => ({ id: row.id, expiresAt: row.expires_at }));
  }

  /**
   * Every pharmacy with its active staff and admins, for the operator (`npm run admin --
   * list-pharmacies`). A plain query: on the owner's database it sees every pharmacy; the
   * application role, under row-level security, would see none.
   */
  async organizationSummaries(): Promise<{ id: string; name: string; slug: string; createdAt: Date; staff: number; admins: number }[]> {
    const rows: { id: string; name: string; slug: string; created_at: Date; staff: number; admins: number }[] = await this.dataSource.query(
      `SELECT o.id, o.name, o.slug, o.created_at,
              (SELECT count(*)::int FROM staff_user s WHERE s.organization_id = o.id AND s.deactivated_at IS NULL) AS staff,
              (SELECT count(*)::int FROM staff_user s WHERE s.organization_id = o.id AND s.deactivated_at IS NULL AND s.role = 'ADMIN') AS admins
         FROM organization o ORDER BY o.created_at, o.id`,
    );
    return rows.map((row) => ({ id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at, staff: row.staff, admins: row.admins }));
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

  /** Background work waiting across every pharmacy, for /metrics: jobs due and webhook deliveries due. */
  async queueDepths(): Promise<{ pendingJobs: number; dueWebhookDeliveries: number }> {
    const rows: { pending_jobs: number; due_webhook_deliveries: number }[] = await this.dataSource.query(
      `SELECT pending_jobs, due_webhook_deliveries FROM counterchat_queue_depths()`,
    );
    return { pendingJobs: rows[0]!.pending_jobs, dueWebhookDeliveries: rows[0]!.due_webhook_deliveries };
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
