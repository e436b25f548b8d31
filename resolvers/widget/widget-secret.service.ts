import { randomBytes } from 'node:crypto';
import { Organization } from '../../entities/organization.entity.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';

/** The viewer's organization's widget secret: read it, or replace it (old signatures stop working at once). */
export class WidgetSecretService {
  constructor(private readonly scope: TenantScope) {}

  async get(): Promise<string> {
    const row = await this.scope.organizations('organization').addSelect('organization.widgetSecret').getOneOrFail();
    return row.widgetSecret!;
  }

  async rotate(): Promise<string> {
    const secret = randomBytes(32).toString('hex');
    await this.scope.update(Organization, {}, { widgetSecret: secret });
    await this.scope.audit(AuditAction.WIDGET_SECRET_ROTATED, { type: 'Organization', id: this.scope.organizationId });
    return secret;
  }
}
