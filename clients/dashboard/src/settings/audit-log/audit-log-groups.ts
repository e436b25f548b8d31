/** One audit entry as the grouping sees it. */
export interface AuditRow<T> {
  entry: T;
  action: string;
  actorKey: string;
  objectId: string | null;
}

export interface AuditGroup<T> {
  /** The newest entry of the run. */
  entry: T;
  count: number;
  /** The oldest entry of a run of more than one. */
  oldest: T | null;
}

/**
 * Every page a pharmacist scrolls records a "Messages read" entry; a run of them by the same
 * person in the same conversation, one after the other, shows as one row with its count.
 * Entries stay in order (newest first) and anything else is never merged.
 */
export function groupRepeatedReads<T>(rows: readonly AuditRow<T>[]): AuditGroup<T>[] {
  const groups: (AuditGroup<T> & { key: string | null })[] = [];
  for (const row of rows) {
    const key = row.action === 'MESSAGES_READ' ? `${row.actorKey}|${row.objectId}` : null;
    const last = groups[groups.length - 1];
    if (key !== null && last?.key === key) {
      last.count += 1;
      last.oldest = row.entry;
    } else {
      groups.push({ entry: row.entry, count: 1, oldest: null, key });
    }
  }
  return groups.map(({ entry, count, oldest }) => ({ entry, count, oldest }));
}
