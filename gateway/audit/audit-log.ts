import type { ActorRef } from '../../entities/actor-type.js';
import type { AuditDetails } from '../../entities/audit-event.entity.js';
import type { AuditAction } from './audit-action.js';

/**
 * One line for the audit log, written by a tenant's scope (`appendAudit`, or `audit` for the
 * viewer's own doing): inside the transaction of the change it records, the entry commits or
 * rolls back with it. The scope gives the organization.
 */
export interface AuditEntry {
  /** Null for the system itself (the retention job). */
  actor: ActorRef | null;
  action: AuditAction;
  object?: { type: string; id: string };
  ip?: string | null;
  /** Ids and states only: never message text, names or contact details. */
  details?: AuditDetails;
}
