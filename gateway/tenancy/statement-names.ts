import { LRUCache } from 'lru-cache';

/**
 * Which statement texts one connection sends as named (prepared) statements.
 *
 * PostgreSQL plans an unnamed statement every time it runs. The inbox's list statement, with
 * its row-level security policies and per-row subqueries, took 3–7 ms to plan against 2–3 ms
 * to run; sent under a name, the server keeps its plan and the same text ran in 2.1 ms. On
 * two shared cores that planning time is taken from the gateway too.
 *
 * What other drivers do (asyncpg's statement cache, pgjdbc's prepare threshold), bounded:
 * - a text is named the second time the connection sends it, so one-off texts (a search, an
 *   IN list of an unusual length) never take a place;
 * - at most `capacity` names per connection; past it the least recently used one is evicted,
 *   and `evicted()` hands it over once, to be DEALLOCATEd where that can't fail (outside a
 *   transaction: an aborted one refuses every command);
 * - names are never reused, so a name evicted but not yet deallocated can't be confused with
 *   a newer statement.
 *
 * Prepared statements outlive transactions (neither a ROLLBACK undoes them nor does one undo a
 * DEALLOCATE), and a plan never holds a tenant: the policies read the tenant's settings each
 * time the statement runs.
 */
export class StatementNames {
  /** Named texts; evicting one dooms its name. */
  private readonly named: LRUCache<string, string>;
  /** Texts sent once and not named yet. */
  private readonly seenOnce: LRUCache<string, true>;
  private readonly doomed: string[] = [];
  private nextName = 0;

  constructor(readonly capacity = 100) {
    const max = Math.max(1, capacity);
    this.named = new LRUCache({ max, dispose: (name, _text, reason) => void (reason === 'evict' && this.doomed.push(name)) });
    this.seenOnce = new LRUCache({ max });
  }

  /** The name to send `text` under, or undefined to send it unnamed (the first time it is seen). */
  nameFor(text: string): string | undefined {
    if (this.capacity <= 0) return undefined;
    const name = this.named.get(text);
    if (name !== undefined) return name;
    if (!this.seenOnce.delete(text)) {
      this.seenOnce.set(text, true);
      return undefined;
    }
    const fresh = `counterchat_${this.nextName++}`;
    this.named.set(text, fresh);
    return fresh;
  }

  /**
   * The evicted names the server holds (`stateOf`), each handed out once to be deallocated.
   * One still being parsed stays for the next call; one whose parse failed was never prepared.
   */
  evicted(stateOf: (name: string) => 'prepared' | 'in flight' | 'unknown'): string[] {
    if (this.doomed.length === 0) return [];
    const ready: string[] = [];
    const later: string[] = [];
    for (const name of this.doomed) {
      const state = stateOf(name);
      if (state === 'prepared') ready.push(name);
      else if (state === 'in flight') later.push(name);
    }
    this.doomed.splice(0, this.doomed.length, ...later);
    return ready;
  }
}
