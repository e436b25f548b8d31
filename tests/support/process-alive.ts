import { readFileSync } from 'node:fs';

/**
 * Whether a process still runs: it exists, and on Linux is not a zombie (an orphan that has
 * exited stays one until its new parent reaps it, and `kill(pid, 0)` still succeeds then).
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const status = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(status.slice(status.lastIndexOf(')') + 2).split(' ')[0] ?? '');
  } catch {
    return false;
  }
}
