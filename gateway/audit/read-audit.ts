import { actorOf } from '../auth/viewer.js';
import { logger } from '../logging/logger.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';
import { AuditAction } from './audit-action.js';
import type { AuditEntry } from './audit-log.js';
import type { ReadAuditBatches } from './read-audit-batches.js';

/**
 * A long-lived socket (a partner's, for months) would otherwise remember every conversation
 * of the pharmacy. Past this it forgets and starts over: a conversation may then be
 * recorded again, never less often than once.
 */
const REMEMBERED_CONVERSATIONS = 10_000;

/**
 * Who read which conversation's messages, one entry per conversation per HTTP request or
 * per socket, however many pages, fields, subscriptions or events touched it. Entries go
 * in one insert after the resolvers of the current tick have run, off the response's path.
 */
export class ReadAudit {
  private readonly recorded = new Set<string>();
  private pending: AuditEntry[] = [];
  private scheduled = false;

  constructor(
    /** The reader's scope: its viewer reads, from its client address. */
    private readonly scope: TenantScope,
    /**
     * `flushedByOwner`: entries wait for `flush()` (an operation's transaction, flushed at its
     * end) instead of the next tick. `batches`: entries join other sockets' in a shared insert.
     */
    private readonly options: { flushedByOwner?: boolean; batches?: ReadAuditBatches } = {},
  ) {}

  conversationRead(conversationId: string, details?: { live: boolean }): void {
    if (this.recorded.has(conversationId)) return;
    if (this.recorded.size >= REMEMBERED_CONVERSATIONS) this.recorded.clear();
    this.recorded.add(conversationId);
    const entry: AuditEntry = {
      actor: actorOf(this.scope.viewer),
      action: AuditAction.MESSAGES_READ,
      object: { type: 'Conversation', id: conversationId },
      ip: this.scope.clientIp,
      details,
    };
    if (this.options.batches) return this.options.batches.add(this.scope, entry);
    this.pending.push(entry);
    if (this.scheduled || this.options.flushedByOwner) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Writes what is pending, in one insert. Never throws: a failed write is logged. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.scope.appendAudit(batch);
    } catch (error) {
      logger.error({ err: error }, 'Could not record message reads in the audit log');
    }
  }
}
