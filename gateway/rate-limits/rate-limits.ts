import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../errors/domain-error.js';
import { closeRedis, connectRedis } from '../redis/redis-connections.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** How many attempts a key gets per window. */
export interface RateLimitRule {
  points: number;
  durationSeconds: number;
}

export interface RateLimitRules {
  /** Anonymous widget sign-ups (pre-chat form) per client IP. Default 10 per hour. */
  widgetSessionsPerIp: RateLimitRule;
  /** Sign-in attempts per client IP, successful or not. Default 30 per 15 minutes. */
  signInsPerIp: RateLimitRule;
  /**
   * Failed sign-ins in a row per email address and client IP that start the waits (1 s, then
   * doubling with each further attempt; sign-in-throttle.ts); remembered this long. Default 5, for a day.
   */
  signInFailuresPerEmailAndIp: RateLimitRule;
  /**
   * Failed sign-ins per email address from anywhere, whether or not it has an account; past it
   * every attempt for the address is slowed, never refused. Default 20 per 15 minutes.
   */
  signInFailuresPerEmail: RateLimitRule;
  /** Messages sent per viewer (staff member, customer or partner key). Default 120 per minute. */
  messagesPerViewer: RateLimitRule;
  /** Files uploaded per viewer. Default 60 per 10 minutes. */
  uploadsPerViewer: RateLimitRule;
  /**
   * Video call operations per viewer: starting, joining, leaving and every signal (offer,
   * answer, ICE candidate, media state). A call takes a few dozen; default 300 per minute.
   */
  callSignalsPerViewer: RateLimitRule;
  /** Requests per partner API key. Default 1,200 per minute. */
  requestsPerApiKey: RateLimitRule;
  /** Password reset requests per client IP. Default 10 per hour. */
  passwordResetsPerIp: RateLimitRule;
  /** Reset mails per address, known or not; past it requests are answered alike but send nothing. Default 3 per hour. */
  passwordResetsPerEmail: RateLimitRule;
  /** Checks of one's own current password (changing it, turning two-factor sign-in off) per staff member. Default 10 per 15 minutes. */
  passwordChecksPerStaff: RateLimitRule;
  /** Two-factor and recovery codes tried per staff member. Default 5 per 5 minutes. */
  twoFactorCodesPerStaff: RateLimitRule;
}

export const defaultRateLimitRules: RateLimitRules = {
  widgetSessionsPerIp: { points: 10, durationSeconds: 60 * 60 },
  signInsPerIp: { points: 30, durationSeconds: 15 * 60 },
  signInFailuresPerEmailAndIp: { points: 5, durationSeconds: 24 * 60 * 60 },
  signInFailuresPerEmail: { points: 20, durationSeconds: 15 * 60 },
  messagesPerViewer: { points: 120, durationSeconds: 60 },
  uploadsPerViewer: { points: 60, durationSeconds: 10 * 60 },
  callSignalsPerViewer: { points: 300, durationSeconds: 60 },
  requestsPerApiKey: { points: 1_200, durationSeconds: 60 },
  passwordResetsPerIp: { points: 10, durationSeconds: 60 * 60 },
  passwordResetsPerEmail: { points: 3, durationSeconds: 60 * 60 },
  passwordChecksPerStaff: { points: 10, durationSeconds: 15 * 60 },
  twoFactorCodesPerStaff: { points: 5, durationSeconds: 5 * 60 },
};

/** Every allowance beyond reach: for benchmarks (RATE_LIMITS=off), never for production. */
export const unlimitedRateLimitRules: RateLimitRules = Object.fromEntries(
  Object.keys(defaultRateLimitRules).map((name) => [name, { points: Number.MAX_SAFE_INTEGER, durationSeconds: 1 }]),
) as unknown as RateLimitRules;

/** One named limit. `consume` throws RATE_LIMITED with `extensions.retryAfter` (seconds) once used up. */
export interface RateLimit {
  /** Takes `points` (default 1) from the key's allowance, or throws RATE_LIMITED. */
  consume(key: string, points?: number): Promise<void>;
  /** Throws RATE_LIMITED if the allowance is used up, without taking from it. */
  check(key: string): Promise<void>;
}

export interface RateLimits {
  widgetSessions: RateLimit;
  signIns: RateLimit;
  /** Failed sign-ins per address and IP (growing waits) and per address (slowing only). */
  signInThrottle: SignInThrottle;
  messages: RateLimit;
  uploads: RateLimit;
  callSignals: RateLimit;
  partnerRequests: RateLimit;
  passwordResets: RateLimit;
  passwordResetEmails: RateLimit;
  passwordChecks: RateLimit;
  twoFactorCodes: RateLimit;
  dispose(): Promise<void>;
}

/**
 * In memory for one instance; in Redis (shared by every instance) when `redisUrl` is set,
 * so a client can't multiply its allowance by hitting several instances.
 */
export function createRateLimits(redisUrl: string | undefined, rules: RateLimitRules = defaultRateLimitRules): RateLimits {
  // Fails fast while Redis is away (see connectRedis), so a request falls back at once instead of waiting.
  const redis = redisUrl ? connectRedis(redisUrl, 'commands') : undefined;
  const limiter = (name: string, rule: RateLimitRule): RateLimiterAbstract => {
    const inMemory = new RateLimiterMemory({ keyPrefix: name, points: rule.points, duration: rule.durationSeconds });
    // While Redis is unreachable each instance limits on its own rather than failing requests.
    return redis
      ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `counterchat:rl:${name}`, points: rule.points, duration: rule.durationSeconds, insuranceLimiter: inMemory })
      : inMemory;
  };
  return {
    widgetSessions: asRateLimit(limiter('widget-session', rules.widgetSessionsPerIp), 'Too many chats were started from your network. Try again later.'),
    signIns: asRateLimit(limiter('sign-in-ip', rules.signInsPerIp), 'Too many sign-in attempts from your network. Try again later.'),
    signInThrottle: new SignInThrottle(
      limiter('sign-in-failures-pair', rules.signInFailuresPerEmailAndIp),
      limiter('sign-in-wait-pair', { points: 1, durationSeconds: rules.signInFailuresPerEmailAndIp.durationSeconds }),
      limiter('sign-in-failures-email', rules.signInFailuresPerEmail),
    ),
    messages: asRateLimit(limiter('messages', rules.messagesPerViewer), 'You are sending messages too quickly. Wait a moment and try again.'),
    uploads: asRateLimit(limiter('uploads', rules.uploadsPerViewer), 'Too many files were uploaded in a short time. Try again later.'),
    callSignals: asRateLimit(limiter('call-signals', rules.callSignalsPerViewer), 'Too many video call signals in a short time. Wait a moment and try again.'),
    partnerRequests: asRateLimit(limiter('api-key', rules.requestsPerApiKey), 'This API key is making too many requests. Slow down and retry after the given time.'),
    passwordResets: asRateLimit(limiter('password-reset-ip', rules.passwordResetsPerIp), 'Too many password resets were asked for from your network. Try again later.'),
    passwordResetEmails: asRateLimit(limiter('password-reset-email', rules.passwordResetsPerEmail), 'Too many password resets for this address. Try again later.'),
    passwordChecks: asRateLimit(limiter('password-check', rules.passwordChecksPerStaff), 'Too many wrong passwords. Try again later.'),
    twoFactorCodes: asRateLimit(limiter('two-factor', rules.twoFactorCodesPerStaff), 'Too many codes were tried. Wait a few minutes and try again.'),
    async dispose() {
      if (redis) await closeRedis(redis);
    },
  };
}

function asRateLimit(limiter: RateLimiterAbstract, message: string): RateLimit {
  const limited = (msBeforeNext: number) => rateLimited(message, Math.max(1, Math.ceil(msBeforeNext / 1000)));
  return {
    async consume(key, points = 1) {
      try {
        await limiter.consume(key, points);
      } catch (rejection) {
        // rate-limiter-flexible rejects with a RateLimiterRes when used up, with an Error when the store fails.
        if (rejection instanceof RateLimiterRes) throw limited(rejection.msBeforeNext);
        throw rejection;
      }
    },
    async check(key) {
      const state = await limiter.get(key);
      if (state && state.remainingPoints <= 0 && state.consumedPoints >= limiter.points) throw limited(state.msBeforeNext);
    },
  };
}
