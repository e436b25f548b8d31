import type { EntityManager } from 'typeorm';
import type { ActorRef } from '../../entities/actor-type.js';
import { AuditEvent, type AuditDetails } from '../../entities/audit-event.entity.js';
import type { AuditAction } from './audit-action.js';

export interface AuditEntry {
  organizationId: string;
  actor: ActorRef | null;
  action: AuditAction;
  object?: { type: string; id: string };
  ip?: string | null;
  /** Ids and states only: never message text, names or contact details. */
  details?: AuditDetails;
}

/**
 * Appends to the audit log with `manager`: inside the transaction of the change it
 * records, the entry commits or rolls back with it.
 */
export async function appendAuditEvents(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await manager.insert(
    AuditEvent,
    entries.map((entry) => manager.create(AuditEvent, {
      organizationId: entry.organizationId,
      actorType: entry.actor?.type ?? null,
      actorId: entry.actor?.id ?? null,
      action: entry.action,
      objectType: entry.object?.type ?? null,
      objectId: entry.object?.id ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? null,
    })),
  );
}
