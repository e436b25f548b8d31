import type { Logger } from 'pino';
import { logger as defaultLogger } from './logger.js';

/** One full entry per window; what else happened in it is summed up in one line at its end. */
const DEFAULT_WINDOW_MS = 10_000;

/**
 * A log line for a failure that repeats while a dependency is away: PostgreSQL restarting
 * fails every request, Redis down fails every publish and every reconnect attempt. One
 * entry per occurrence would bury the log exactly when someone reads it, and spend I/O
 * when the machine is already struggling. The first occurrence in a window is logged in
 * full; the rest are counted, and one line with `repeated: n` closes the window.
 */
export class ThrottledLog {
  private readonly windowMs: number;
  private windowEndsAt = -Infinity;
  private repeated = 0;
  private summary: NodeJS.Timeout | undefined;

  constructor(
    private readonly message: string,
    private readonly options: { level?: 'warn' | 'error'; windowMs?: number; logger?: Logger } = {},
  ) {
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  }

  write(fields: Record<string, unknown>): void {
    const now = Date.now();
    if (now < this.windowEndsAt) {
      this.repeated += 1;
      return;
    }
    // The last window's count first, should its timer not have fired yet.
    clearTimeout(this.summary);
    this.summarize();
    this.windowEndsAt = now + this.windowMs;
    this.log(fields, this.message);
    // Unref'd: a pending summary never keeps a stopping process alive.
    this.summary = setTimeout(() => this.summarize(), this.windowMs).unref();
  }

  private summarize(): void {
    if (this.repeated === 0) return;
    this.log({ repeated: this.repeated }, `${this.message} (${this.repeated} more in the last ${Math.round(this.windowMs / 1000)} s)`);
    this.repeated = 0;
  }

  private log(fields: Record<string, unknown>, message: string): void {
    const logger = this.options.logger ?? defaultLogger;
    logger[this.options.level ?? 'warn'](fields, message);
  }
}
