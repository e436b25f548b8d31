import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { findFreePort } from '../../gateway/database/find-free-port.js';

/** The binary to run; REDIS_SERVER_BIN where it lives elsewhere. */
const REDIS_SERVER = process.env.REDIS_SERVER_BIN || '/usr/bin/redis-server';
const START_TIMEOUT_MS = 10_000;

/** A redis-server of one test file's own, which the test may kill and start again on the same port. */
export interface PrivateRedis {
  url: string;
  /** SIGKILL: Redis goes away without a goodbye, and with it everything it held (no persistence). */
  kill(): Promise<void>;
  /** Starts it again, empty, on the same port. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Last resort if a test file dies without its afterAll.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await findFreePort();
  let server: ChildProcess | undefined;

  const start = async () => {
    if (server) throw new Error('Redis is already running.');
    const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    running.add(child);
    child.once('exit', () => running.delete(child));
    server = child;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await answersPing(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await kill();
        throw new Error(`redis-server did not start on port ${port}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const kill = async () => {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };

  await start();
  return { url: `redis://127.0.0.1:${port}`, kill, start, dispose: kill };
}

/** PING over a raw socket: no client library, so nothing here reconnects or queues. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
