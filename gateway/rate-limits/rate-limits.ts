import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-code.js';

/** How many attempts a key gets per window. */
export interface RateLimitRule {
  points: number;
  durationSeconds: number;
}

export interface RateLimitRules {
  /** Anonymous widget sign-ups (pre-chat form) per client IP. Default 10 per hour. */
  widgetSessionsPerIp: RateLimitRule;
}

export const defaultRateLimitRules: RateLimitRules = {
  widgetSessionsPerIp: { points: 10, durationSeconds: 60 * 60 },
};

/** One named limit. `consume` throws RATE_LIMITED with `extensions.retryAfter` (seconds) once used up. */
export interface RateLimit {
  consume(key: string): Promise<void>;
}

export interface RateLimits {
  widgetSessions: RateLimit;
  dispose(): Promise<void>;
}

/**
 * In memory for one instance; in Redis (shared by every instance) when `redisUrl` is set,
 * so a client can't multiply its allowance by hitting several instances.
 */
export function createRateLimits(redisUrl: string | undefined, rules: RateLimitRules = defaultRateLimitRules): RateLimits {
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 3, enableOfflineQueue: true }) : undefined;
  const limiter = (name: string, rule: RateLimitRule): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `counterchat:rl:${name}`, points: rule.points, duration: rule.durationSeconds })
      : new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.durationSeconds });
  return {
    widgetSessions: asRateLimit(limiter('widget-session', rules.widgetSessionsPerIp), 'Too many chats were started from your network. Try again later.'),
    async dispose() {
      await redis?.quit();
    },
  };
}

function asRateLimit(limiter: RateLimiterAbstract, message: string): RateLimit {
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        // rate-limiter-flexible rejects with a RateLimiterRes when used up, with an Error when the store fails.
        if (rejection instanceof RateLimiterRes) {
          throw new AppError(ErrorCode.RateLimited, message, { retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) });
        }
        throw rejection;
      }
    },
  };
}
