import { execFile } from 'node:child_process';
import { AUTH_SECRET } from './gateway-process.js';

export interface AdminRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built operator CLI (`npm run admin -- …` without the build), as an operator would. */
export function runAdmin(args: string[], env: Record<string, string>): Promise<AdminRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/gateway/server/admin/admin.js', ...args],
      {
        // Not the test runner's environment: its DATABASE_URL or NODE_OPTIONS must not leak in.
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', AUTH_SECRET, ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
