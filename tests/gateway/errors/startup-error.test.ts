import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { exitBecauseStartFailed, StartupError } from '../../../gateway/errors/startup-error.js';

/** What a failed start prints, and the code it exits with (process.exit is stubbed to throw instead). */
function failStart(sentence: string, error: unknown): { printed: string; code: number | undefined } {
  let printed = '';
  let code: number | undefined;
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  jest.spyOn(process, 'exit').mockImplementation(((exitCode?: number) => {
    code = exitCode;
    throw new Error('exited');
  }) as typeof process.exit);
  expect(() => exitBecauseStartFailed(sentence)(error)).toThrow('exited');
  return { printed, code };
}

describe('a failed start', () => {
  beforeEach(() => {
    jest.restoreAllMocks();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("prints a StartupError's own sentence and its causes, without stack traces, and exits 1", () => {
    const cause = new Error('initdb: error: could not access directory "/srv/data/postgres": Permission denied', { cause: new Error('code 1') });
    const { printed, code } = failStart('It could not open its database.', new StartupError('PostgreSQL cannot enter /srv/data: choose another DATA_DIR.', { cause }));
    expect(code).toBe(1);
    expect(printed).toBe(
      [
        'Counterchat could not start. PostgreSQL cannot enter /srv/data: choose another DATA_DIR.',
        '  Cause: initdb: error: could not access directory "/srv/data/postgres": Permission denied',
        '  Cause: code 1',
        '',
      ].join('\n'),
    );
  });

  it("prints the step's sentence for any other error, with that error's stack for whoever debugs it", () => {
    const error = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const { printed, code } = failStart('It could not connect to DATABASE_URL.', error);
    expect(code).toBe(1);
    expect(printed.split('\n')[0]).toBe('Counterchat could not start. It could not connect to DATABASE_URL.');
    expect(printed).toMatch(/^ {2}Cause: Error: connect ECONNREFUSED 127\.0\.0\.1:5432\n\s+at /m);
  });

  it('still says what failed when what was thrown is not an error at all', () => {
    expect(failStart('Its embedded database did not start.', undefined)).toEqual({ printed: 'Counterchat could not start. Its embedded database did not start.\n', code: 1 });
    expect(failStart('Its embedded database did not start.', null).printed).toBe('Counterchat could not start. Its embedded database did not start.\n  Cause: null\n');
  });
});
