export interface DeliveryRoundOptions {
  /** How often a round starts without a nudge (other instances' events, retries coming due). */
  intervalMs: number;
  /** A round threw; the next one starts at the next tick or nudge. */
  onError(error: unknown): void;
}

export interface DeliveryRounds {
  /** Start a round now rather than at the next tick. */
  nudge(): void;
  /** Stops starting rounds, aborts the round under way between batches and waits for it. */
  dispose(): Promise<void>;
}

/**
 * Runs `round` now, every `intervalMs` and on every nudge, never two at once: nudges that
 * arrive during a round make one more round after it, so an event queued while a round
 * was past its claim is still sent promptly.
 */
export function scheduleDeliveryRounds(round: (signal: AbortSignal) => Promise<void>, options: DeliveryRoundOptions): DeliveryRounds {
  const stop = new AbortController();
  let running: Promise<void> | undefined;
  let again = false;

  const run = () => {
    if (stop.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = round(stop.signal)
      .catch(options.onError)
      .finally(() => {
        running = undefined;
        if (again && !stop.signal.aborted) {
          again = false;
          run();
        }
      });
  };

  const timer = setInterval(run, options.intervalMs);
  // Background work must not keep a process alive that is otherwise done.
  timer.unref();
  run();

  return {
    nudge: run,
    async dispose() {
      stop.abort();
      clearInterval(timer);
      await running;
    },
  };
}
