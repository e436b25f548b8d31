import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCATION_FILE } from './cluster-location.js';

/**
 * The port of the embedded PostgreSQL a live gateway runs on `dataDir`, if one does: its
 * `postmaster.pid` (in DATA_DIR/postgres, or where DATA_DIR/postgres-location says) names a
 * live process and says "ready". Another program (the operator's CLI) then connects to that
 * cluster instead of starting its own, which PostgreSQL would refuse on the same directory.
 */
export async function portOfRunningCluster(dataDir: string): Promise<number | undefined> {
  const recorded = await readFile(path.join(dataDir, LOCATION_FILE), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
  const directory = recorded || path.join(dataDir, 'postgres');
  const lines = await readFile(path.join(directory, 'postmaster.pid'), 'utf8').then(
    (text) => text.split('\n'),
    () => undefined,
  );
  if (!lines) return undefined;
  // postmaster.pid: PID, data directory, start time, port, socket directory, listen address, shared memory key, status.
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || lines[7]?.trim() !== 'ready' || !isRunning(pid)) return undefined;
  return port;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as a user this process may not signal (the postgres user).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
