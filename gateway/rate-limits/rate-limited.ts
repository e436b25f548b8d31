import type { MiddlewareFn } from 'type-graphql';
import { actorOf, type Viewer } from '../auth/viewer.js';
import { actorKey } from '../presence/presence-registry.js';
import type { RateLimit, RateLimits } from './rate-limits.js';

/** What the middleware reads of a request's context (RequestContext has it). */
export interface RateLimitedContext {
  viewer: Viewer;
  clientIp?: string;
  gateway: { rateLimits: RateLimits };
}

/**
 * `@UseMiddleware(RateLimited((limits) => limits.messages))`: takes from the viewer's
 * allowance (the client IP's for anonymous callers) before the resolver runs.
 * `points` weighs a call, e.g. by the number of files it carries; 0 takes nothing.
 */
export function RateLimited(
  pick: (limits: RateLimits) => RateLimit,
  points: (args: Record<string, any>) => number = () => 1,
): MiddlewareFn<RateLimitedContext> {
  return async ({ context, args }, next) => {
    const weight = points(args);
    if (weight > 0) {
      const viewer = context.viewer;
      const key = viewer.kind === 'anonymous' ? `ip:${context.clientIp ?? 'unknown'}` : actorKey(actorOf(viewer));
      await pick(context.gateway.rateLimits).consume(key, weight);
    }
    return next();
  };
}
