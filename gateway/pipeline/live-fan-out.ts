import { GraphQLError, type ExecutionResult } from 'graphql';
import type { LiveTail } from '../context/request-context.js';

/**
 * One subscriber whose results are sent to its socket from here instead of being pulled
 * through graphql-ws (context-per-event.ts makes it).
 */
export interface LiveMember {
  /** Resolves `event` as this subscriber: in its tenant, shared with its group by the event multiplexer. */
  resolve(event: object): Promise<ExecutionResult>;
  /** Sends this subscriber's result of `event`; nothing once the subscription is over. */
  deliver(result: ExecutionResult, event: object): void;
  /** The result another member of its group resolved for `event`, if it may have it now (event-multiplexer.ts). */
  resolved?(event: object): ExecutionResult | undefined;
}

/** A live event, and the members of one group who let it through, in the order they heard it. */
interface Heard {
  event: object;
  members: LiveMember[];
  /** The first member's result, from when resolution began: a member hearing the event later makes an entry of its own. */
  first?: Promise<ExecutionResult>;
}

/**
 * Sends live events to every member of a group without each subscriber pulling them. Through
 * graphql-ws every subscriber's every event was a chain of its own: a push into its stream,
 * its iterator's promises and async context, the multiplexer's await, then the socket write;
 * with thousands of subscribers that chain, not the one shared resolution, was most of an
 * event's cost. Here the bus's one synchronous pass over a group's listeners collects the
 * members that let an event through (each stream still applies its own rules first), the
 * event is resolved for all of them together (the multiplexer executes it once and replays
 * its reads into every member's audit), and the frames are written in one loop.
 *
 * Each group's events are resolved as they come, concurrently (a group spans every
 * conversation its members watch), and sent in the order they were heard, so every member
 * gets its events in order. A stream hands events here only once it has nothing
 * of its own left to send (conversation-event-stream.ts); what it replays first goes through
 * `own`, awaited, before anything it hears live.
 */
export class LiveFanOut {
  private readonly lanes = new Map<string, Heard[]>();
  private counts = { events: 0, deliveries: 0 };

  /** Events resolved here for a group, and results sent: for tests. */
  get stats(): Readonly<{ events: number; deliveries: number }> {
    return { ...this.counts };
  }

  /** The tail of one member of `group`: what its stream gives its events to. */
  tailOf(group: string, member: LiveMember): LiveTail {
    return {
      own: async (event) => member.deliver(await settled(member.resolve(event)), event),
      live: (event) => this.hear(group, member, event),
    };
  }

  private hear(group: string, member: LiveMember, event: object): void {
    let lane = this.lanes.get(group);
    if (!lane) this.lanes.set(group, (lane = []));
    const last = lane.at(-1);
    if (last && last.event === event && !last.first) {
      last.members.push(member);
      return;
    }
    const heard: Heard = { event, members: [member] };
    lane.push(heard);
    // Once every listener of this bus event has heard it (the bus calls them in one synchronous pass).
    queueMicrotask(() => void resolving(heard));
    if (lane.length === 1) void this.drain(group, lane);
  }

  /** Resolves and sends the lane's events in order until it is empty. Never throws. */
  private async drain(group: string, lane: Heard[]): Promise<void> {
    // Not before the listeners of this bus event have all joined it.
    await Promise.resolve();
    for (let heard = lane[0]; heard; heard = lane[0]) {
      const { event, members } = heard;
      // The first resolves it; the others take that result without an await each, unless it
      // has errors: then each resolves its own (the multiplexer shares no errors).
      const first = await resolving(heard);
      members[0]!.deliver(first, event);
      const own: LiveMember[] = [];
      for (const member of members.slice(1)) {
        const shared = member.resolved?.(event);
        if (shared) member.deliver(shared, event);
        else own.push(member);
      }
      const results = await Promise.all(own.map((member) => settled(member.resolve(event))));
      for (const [index, member] of own.entries()) member.deliver(results[index]!, event);
      lane.shift();
      this.counts.events += 1;
      this.counts.deliveries += members.length;
    }
    this.lanes.delete(group);
  }
}

/** The event's resolution by its first member, begun now if it hasn't been. */
function resolving(heard: Heard): Promise<ExecutionResult> {
  heard.first ??= settled(heard.members[0]!.resolve(heard.event));
  return heard.first;
}

/**
 * A resolution that threw (not a field's error, which is in the result) as a result with an
 * error, which the socket masks like any unexpected one: the subscriber hears it, and its
 * subscription goes on, instead of its whole socket closing.
 */
function settled(resolution: Promise<ExecutionResult>): Promise<ExecutionResult> {
  return resolution.catch((error: unknown) => ({ errors: [new GraphQLError(error instanceof Error ? error.message : String(error), { originalError: error instanceof Error ? error : undefined })] }));
}
