import {
  NotificationLogEntry,
  NotificationStatus,
  type NotificationChannel,
  type NotificationRecipientKind,
} from '../../entities/notification-log-entry.entity.js';
import type { OrganizationScope } from '../tenancy/organization-scope.js';

/** A notification to record (its organization is the scope's). */
export interface NotificationToRecord {
  recipientKind: NotificationRecipientKind;
  recipientId: string;
  channel: NotificationChannel;
  /** The address in full: only its masked form is stored (maskAddress). Omit for push. */
  address?: string | null;
  conversationId?: string | null;
  /** Default QUEUED. */
  status?: NotificationStatus;
  reason?: string | null;
  /**
   * Claims the notification: a second record with the same key in the organization is not
   * written (`recordNotification` answers null), whichever instance or restart tries it.
   */
  dedupeKey?: string | null;
  /** When it happened (default now): notification decisions run on an injectable clock. */
  at?: Date;
}

/** Longest reason kept: enough for a provider's error line, never a message. */
const REASON_LIMIT = 300;

/**
 * Records a notification in the log, in the scope's transaction when it has one. With a
 * `dedupeKey` already taken, nothing is written and the answer is null: someone else (another
 * instance, an earlier run before a restart) has it.
 */
export async function recordNotification(scope: OrganizationScope, entry: NotificationToRecord): Promise<NotificationLogEntry | null> {
  const status = entry.status ?? NotificationStatus.QUEUED;
  const now = entry.at ?? new Date();
  const row = {
    recipientKind: entry.recipientKind,
    recipientId: entry.recipientId,
    channel: entry.channel,
    maskedAddress: entry.address ? maskAddress(entry.address) : null,
    conversationId: entry.conversationId ?? null,
    status,
    reason: limitReason(entry.reason),
    dedupeKey: entry.dedupeKey ?? null,
    createdAt: now,
    updatedAt: now,
    sentAt: status === NotificationStatus.SENT ? now : null,
  };
  if (entry.dedupeKey) return scope.insertIfAbsent<NotificationLogEntry>(NotificationLogEntry, row);
  return scope.insert<NotificationLogEntry>(NotificationLogEntry, row);
}

export interface NotificationOutcome {
  status: NotificationStatus;
  reason?: string | null;
  /** The channel and address it finally went by (a mail that became an SMS). */
  channel?: NotificationChannel;
  address?: string | null;
}

/**
 * Updates an entry's status (SENT stamps `sentAt`). Only an entry still QUEUED changes, so
 * a late cancel never overwrites a send, nor a retry a cancel: true when it changed.
 */
export async function updateNotification(scope: OrganizationScope, id: string, outcome: NotificationOutcome): Promise<boolean> {
  const now = new Date();
  const changed = await scope.update(
    NotificationLogEntry,
    { id, status: NotificationStatus.QUEUED },
    {
      status: outcome.status,
      reason: limitReason(outcome.reason),
      updatedAt: now,
      ...(outcome.status === NotificationStatus.SENT ? { sentAt: now } : {}),
      ...(outcome.channel ? { channel: outcome.channel } : {}),
      ...(outcome.address !== undefined ? { maskedAddress: outcome.address ? maskAddress(outcome.address) : null } : {}),
    },
  );
  return changed > 0;
}

/**
 * An address as admins see it in the log: enough to recognise, not to reuse.
 * `jane.doe@example.com` → `j•••@example.com`, `+31612345678` → `+31•••••••78`.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at > 0) return `${address[0]}•••${address.slice(at)}`;
  const digits = address.replace(/[^\d+]/g, '');
  if (digits.length <= 5) return '•'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'•'.repeat(digits.length - 5)}${digits.slice(-2)}`;
}

function limitReason(reason: string | null | undefined): string | null {
  return reason ? reason.replace(/\s+/g, ' ').slice(0, REASON_LIMIT) : null;
}
