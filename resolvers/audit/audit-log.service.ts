import type { AuditEvent } from '../../entities/audit-event.entity.js';
import type { AuditAction } from '../../gateway/audit/audit-action.js';
import { assertId, type TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { isTimestampValue, isUuidValue } from '../pagination/cursor.js';
import { fetchKeysetPage } from '../pagination/keyset-page.js';
import type { Page } from '../pagination/page.js';
import type { PageRequest } from '../pagination/page-request.js';

export interface AuditLogFilter {
  actions?: AuditAction[];
  objectId?: string;
  actorId?: string;
  since?: Date;
  until?: Date;
}

/** Reading the audit log; nothing here (or anywhere in the API) writes or changes it. */
export class AuditLogService {
  constructor(private readonly scope: TenantScope) {}

  list(filter: AuditLogFilter, request: PageRequest): Promise<Page<AuditEvent>> {
    const query = this.scope.auditEvents('entry');
    if (filter.actions?.length) query.andWhere('entry.action IN (:...actions)', { actions: filter.actions });
    if (filter.objectId) {
      assertId(filter.objectId, 'objectId');
      query.andWhere('entry.objectId = :objectId', { objectId: filter.objectId });
    }
    if (filter.actorId) {
      assertId(filter.actorId, 'actorId');
      query.andWhere('entry.actorId = :actorId', { actorId: filter.actorId });
    }
    if (filter.since) query.andWhere('entry.createdAt >= :since', { since: filter.since });
    if (filter.until) query.andWhere('entry.createdAt < :until', { until: filter.until });
    return fetchKeysetPage(
      query,
      {
        tag: 'audit',
        keys: ['entry.createdAt', 'entry.id'],
        valuesOf: (row) => [row.createdAt.toISOString(), row.id],
        descending: true,
        acceptsCursor: ([at, id]) => isTimestampValue(at) && isUuidValue(id),
      },
      request,
    );
  }
}
