import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job } from './load-worker.js';

export interface RunningWorker<Result> {
  /** Resolves when the worker's clients are set up (connected, subscribed). */
  ready: Promise<void>;
  /** Ends an open-ended job (subscribers, idle sockets) and returns what it measured. */
  stop(): Promise<Result>;
  /** Resolves when a timed job (send, storm, upload) finishes on its own. */
  result: Promise<Result>;
}

const WORKER = fileURLToPath(new URL('./load-worker.js', import.meta.url));

/** Forks a load-generating process for `job`; see load-worker.ts for the protocol. */
export function startWorker<Result>(job: Job): RunningWorker<Result> {
  const child: ChildProcess = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let markReady: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    fail = reject;
  });
  const result = new Promise<Result>((resolve, reject) => {
    child.on('message', (message: { ready?: true; result?: Result; error?: string }) => {
      if (message.ready) markReady();
      if (message.error) {
        const error = new Error(`Load worker failed: ${message.error}`);
        fail(error);
        reject(error);
      }
      if (message.result !== undefined) {
        resolve(message.result);
        child.disconnect();
      }
    });
    child.on('exit', (code) => {
      const error = new Error(`Load worker exited with ${code} before reporting`);
      fail(error);
      reject(error);
    });
  });
  // Never an unhandled rejection for whichever promise the caller doesn't await.
  ready.catch(() => {});
  result.catch(() => {});
  child.send({ job });
  return {
    ready,
    result,
    stop() {
      child.send({ stop: true });
      return result;
    },
  };
}

/** Splits `total` clients over `workers` processes as evenly as possible. */
export function shares(total: number, workers: number): number[] {
  return Array.from({ length: workers }, (_, index) => Math.floor(total / workers) + (index < total % workers ? 1 : 0)).filter((share) => share > 0);
}
