import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from '../errors/startup-error.js';
import { logger } from '../logging/logger.js';

const run = promisify(execFile);

/**
 * Marks each embedded PostgreSQL with the process that started it (`-c cluster_name=…`, also
 * shown in its processes' titles), so a later start can tell a cluster whose starter died
 * (SIGKILL, the OOM killer) from one that another live process is using.
 */
export function startedByOption(pid = process.pid): string {
  return `cluster_name=counterchat-started-by-${pid}`;
}

/** Fast shutdown first (ends sessions, checkpoints); immediate shutdown if that takes longer than this. */
const FAST_STOP_MS = 60_000;
const IMMEDIATE_STOP_MS = 15_000;

/**
 * Before starting the embedded PostgreSQL on `directory`: a postmaster left running there by
 * a process that died without stopping it holds the directory, and PostgreSQL would refuse to
 * start ("lock file postmaster.pid already exists"). Such a leftover is stopped cleanly.
 * One that a live process started (another gateway on the same DATA_DIR) is left alone and
 * the start fails with a sentence saying so. A lock file whose process is gone is left to
 * PostgreSQL, which replaces it itself; one whose PID now belongs to another program is removed.
 */
export async function clearLeftoverPostmaster(directory: string): Promise<void> {
  const lockFile = path.join(directory, 'postmaster.pid');
  const lock = await readLock(lockFile);
  if (!lock) return;
  const holder = await describeProcess(lock.pid);
  if (!holder) {
    // Exited but not reaped yet (a zombie): PostgreSQL would still take its PID for a live postmaster's.
    if (isRunning(lock.pid)) await rm(lockFile, { force: true });
    return;
  }
  if (!isPostmasterOf(holder.commandLine, directory)) {
    if (holder.commandLine === undefined) {
      throw new StartupError(`A process (PID ${lock.pid}) may still be running the embedded PostgreSQL in ${directory}: stop it (kill -INT ${lock.pid}) and start again.`);
    }
    // After a machine restart the PID can belong to anything; PostgreSQL can't tell that and would refuse.
    await rm(lockFile, { force: true });
    return;
  }
  const starter = holder.commandLine.match(/cluster_name=counterchat-started-by-(\d+)/)?.[1];
  // While its starter lives, a postmaster stays that process's child; once it dies, something else adopts it.
  const starterAlive = starter ? Number(starter) === holder.parentPid : holder.parentPid !== 1;
  if (starterAlive) {
    throw new StartupError(
      `Another process (PID ${holder.parentPid}) is running the embedded PostgreSQL in ${directory}: stop it first, or give this gateway its own DATA_DIR.`,
    );
  }
  logger.warn({ postmasterPid: lock.pid, directory }, 'Stopping the embedded PostgreSQL left running by a process that died');
  await stopPostmaster(lock.pid, directory);
}

async function readLock(lockFile: string): Promise<{ pid: number } | undefined> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Line 1 is the PID (negative for a single-user backend); a torn or empty file holds no one.
  const pid = Math.abs(Number.parseInt(text.split('\n')[0] ?? '', 10));
  return Number.isInteger(pid) && pid > 0 ? { pid } : undefined;
}

/** A running process's parent and command line; undefined once it is gone (zombies included). */
async function describeProcess(pid: number): Promise<{ parentPid: number; commandLine?: string } | undefined> {
  if (!isRunning(pid)) return undefined;
  if (process.platform === 'linux') {
    try {
      const status = await readFile(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const [state, parentPid] = status.slice(status.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return undefined;
      const commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ').trim();
      return { parentPid: Number(parentPid), commandLine };
    } catch {
      return isRunning(pid) ? { parentPid: 0 } : undefined;
    }
  }
  try {
    const { stdout } = await run('ps', ['-ww', '-o', 'ppid=,stat=,args=', '-p', String(pid)]);
    const match = stdout.trim().match(/^(\d+)\s+(\S+)\s+(.*)$/s);
    if (!match) return undefined;
    if (match[2]!.startsWith('Z')) return undefined;
    return { parentPid: Number(match[1]), commandLine: match[3] };
  } catch {
    return isRunning(pid) ? { parentPid: 0 } : undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as a user this process may not signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostmasterOf(commandLine: string | undefined, directory: string): commandLine is string {
  if (commandLine === undefined) return false;
  const program = commandLine.split(' -D ')[0] ?? '';
  return /(^|[/\\])postgres(\.exe)?$/.test(program) && commandLine.includes(` -D ${directory} `);
}

async function stopPostmaster(pid: number, directory: string): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw new StartupError(`The embedded PostgreSQL left running in ${directory} (PID ${pid}) could not be stopped: stop it yourself (kill -INT ${pid}) and start again.`, { cause: error });
    }
  };
  for (const [name, withinMs] of [['SIGINT', FAST_STOP_MS], ['SIGQUIT', IMMEDIATE_STOP_MS]] as const) {
    signal(name);
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      if (!(await describeProcess(pid))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new StartupError(`The embedded PostgreSQL left running in ${directory} (PID ${pid}) did not stop: stop it yourself (kill -INT ${pid}) and start again.`);
}
