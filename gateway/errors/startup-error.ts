/**
 * A start-up failure that whoever started the gateway can act on: `message` is one sentence
 * saying what is wrong and what to change; `cause` is what failed underneath, for operators.
 */
export class StartupError extends Error {
  constructor(sentence: string, options?: { cause?: unknown }) {
    super(sentence, options);
    this.name = 'StartupError';
  }
}

/**
 * Ends a start that failed: prints one sentence (the error's own when it is a StartupError,
 * else `sentence`), the chain of causes beneath it, and exits with code 1. A start never
 * ends in a bare stack trace, an unhandled 'error' event or a thrown `undefined` (issue 14).
 * The embedded PostgreSQL, if it was started, is stopped by its own exit hook.
 */
export function exitBecauseStartFailed(sentence: string): (error: unknown) => never {
  return (error) => {
    const lines = [`Counterchat could not start. ${error instanceof StartupError ? error.message : sentence}`];
    // A StartupError already says what happened; anything else is shown whole, it may be a bug.
    for (let cause = error instanceof StartupError ? error.cause : error; cause !== undefined; cause = (cause as Error).cause) {
      lines.push(`  Cause: ${describe(cause, !(error instanceof StartupError))}`);
      if (!(cause instanceof Error)) break;
    }
    process.stderr.write(`${lines.join('\n')}\n`);
    process.exit(1);
  };
}

function describe(cause: unknown, withStack: boolean): string {
  if (!(cause instanceof Error)) return String(cause);
  return (withStack && cause.stack ? cause.stack : `${cause.message}`).replace(/\n/g, '\n  ');
}
