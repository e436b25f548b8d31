import type { ExecutionResult } from 'graphql';
import { RecordedReads } from '../audit/recorded-reads.js';
import type { RequestContext } from '../context/request-context.js';
import type { EventExecution } from './context-per-event.js';

/** One group's execution of one event, and the reads it made. */
interface SharedExecution {
  result: Promise<ExecutionResult>;
  reads: RecordedReads;
  /** The result, once there is one. */
  settled?: ExecutionResult;
}

/**
 * Resolves a live event once per group of equal subscribers on this instance and hands every
 * one of them the same result (what Hasura calls multiplexing): the work per event grows with
 * the groups, not with the sockets. A group (`subscription-group.ts`) is everyone whose result
 * cannot differ: same document, variables and viewer class.
 *
 * Only the resolution is shared. Each subscriber's stream still decides, when it starts,
 * whether it may hear the conversation at all, and filters its own events; an event reaches
 * this point only on the streams that let it through. The first subscriber of a group to pull
 * an event executes it with a context of its own whose reads are recorded, then every member
 * replays them into its socket's audit. A result with errors is not shared: each of the
 * others resolves the event itself, so an error (a failed statement, a refused field) never
 * travels from one subscriber to another.
 *
 * Results are held per event object, which every local listener of a bus event receives
 * (gateway/pubsub/event-bus.ts), in a WeakMap: they go when the event does.
 */
export class EventMultiplexer {
  private readonly executions = new WeakMap<object, Map<string, SharedExecution>>();
  private counts = { executed: 0, shared: 0 };

  /** Events executed, and results handed to a subscriber without executing: for tests and metrics. */
  get stats(): Readonly<{ executed: number; shared: number }> {
    return { ...this.counts };
  }

  /** How one subscription (of `group`, with `context`) has its events executed. */
  executionFor(group: string, context: RequestContext): EventExecution {
    return async (event, executeWith) => {
      if (typeof event !== 'object' || event === null) return executeWith(context.forEvent());
      let groups = this.executions.get(event);
      if (!groups) this.executions.set(event, (groups = new Map()));
      const running = groups.get(group);
      if (!running) {
        const reads = new RecordedReads();
        const result = Promise.resolve(executeWith(context.forEvent(reads)));
        const execution: SharedExecution = { result, reads };
        result.then((settled) => (execution.settled = settled), () => {});
        groups.set(group, execution);
        this.counts.executed += 1;
        const own = await result;
        reads.replayInto(context.readAudit);
        return own;
      }
      // A result that threw or has errors is not shared: this subscriber executes its own.
      await running.result.catch(() => {});
      return this.share(running, context) ?? executeWith(context.forEvent());
    };
  }

  /**
   * The result a member of `group` already resolved for `event`, for the subscriber of
   * `context`, right away: its reads replayed into the subscriber's audit, as `executionFor`
   * does after its await. Undefined when there is none yet, or it has errors (not shared).
   */
  resolved(event: object, group: string, context: RequestContext): ExecutionResult | undefined {
    const running = this.executions.get(event)?.get(group);
    return running && this.share(running, context);
  }

  /** A settled execution's result for another member, with its reads in that member's audit; undefined if it failed or has errors. */
  private share(running: SharedExecution, context: RequestContext): ExecutionResult | undefined {
    const shared = running.settled;
    if (!shared || shared.errors?.length) return undefined;
    running.reads.replayInto(context.readAudit);
    this.counts.shared += 1;
    return shared;
  }
}
