import type { Logger } from 'pino';
import { logger as processLogger } from '../logging/logger.js';

export interface LastResortOptions {
  /** `/healthz` answers 503 from now on, so a load balancer sends nothing new here. */
  failHealth(): void;
  /** Drains (sockets 1001, in-flight requests finish) and exits; `process.exitCode` is 1 by then. Called once. */
  shutDown(): void;
  /** Where the faults are reported. Default: the process. */
  target?: NodeJS.EventEmitter;
  logger?: Logger;
}

export type FaultOrigin = 'uncaughtException' | 'unhandledRejection';

/**
 * The policy for an exception or rejection that escaped every handler. Node's default would
 * end the process on the spot, dropping every socket and request in flight; carrying on
 * instead would serve from a process in an unknown state. So: log what is needed to find it
 * (never its message, which can quote a request), fail health, drain, and exit non-zero for
 * the supervisor (systemd `Restart=always`, an orchestrator) to start a fresh process.
 * Returns something to `dispose()` (tests).
 */
export function installLastResort({ failHealth, shutDown, target = process, logger = processLogger }: LastResortOptions): { dispose(): void } {
  let faulted = false;
  const handle = (origin: FaultOrigin) => (fault: unknown) => {
    logger.fatal({ origin, fault: describeFault(fault) }, 'A fault escaped every handler: failing health, draining, exiting for the supervisor to restart');
    // A second fault while draining is logged; the drain already under way ends the process.
    if (faulted) return;
    faulted = true;
    process.exitCode = 1;
    failHealth();
    shutDown();
  };
  const onException = handle('uncaughtException');
  const onRejection = handle('unhandledRejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return {
    dispose() {
      target.off('uncaughtException', onException);
      target.off('unhandledRejection', onRejection);
    },
  };
}

/** A fault as a log entry: its kind, code and where it was thrown. Not its message: that can carry a request's data. */
export function describeFault(fault: unknown): { type: string; code?: string; frames?: string[] } {
  if (!(fault instanceof Error)) return { type: fault === null ? 'null' : typeof fault };
  const code = (fault as { code?: unknown }).code;
  return {
    type: fault.constructor?.name || fault.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    frames: (fault.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 15)
      .map((line) => line.trim()),
  };
}
