import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signInDemoStaff, startCustomerConversation, DEMO_STAFF, type ConversationMember } from '../support/demo-pharmacy.js';
import { launchGatewayProcess, seedDemoPharmacy, startGatewayProcess, type GatewayProcess, type GatewayProcessOptions } from '../support/gateway-process.js';
import { isProcessAlive } from '../support/process-alive.js';
import { expectDenseSequences, expectEverySendStoredOnce, readStoredMessages, startSendLoop } from '../support/send-loop.js';

/** What the embedded cluster under `dataDir` says about itself while it runs: its PID and the owner's URL. */
async function embeddedCluster(dataDir: string): Promise<{ pid: number; ownerUrl: string }> {
  const lines = (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n');
  const password = (await readFile(path.join(dataDir, 'secrets', 'postgres-password'), 'utf8')).trim();
  return { pid: Number(lines[0]), ownerUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${lines[3]}/postgres` };
}

/** Start-up failures print one sentence and the cause, never Node's report of an uncaught throw or 'error' event. */
function expectOneSentenceFailure(output: string, sentence: RegExp): void {
  expect(output).toMatch(sentence);
  expect(output).not.toMatch(/triggerUncaughtException|Unhandled 'error' event|^\s+at /m);
}

/**
 * The default install: no DATABASE_URL, so each gateway starts the embedded PostgreSQL
 * under its DATA_DIR. A gateway killed outright (SIGKILL, the OOM killer, a container
 * runtime) cannot stop it; the next start on the same DATA_DIR must still succeed.
 */
describe('a gateway on the embedded database', () => {
  let dataDir: string;
  let options: GatewayProcessOptions;
  let gateway: GatewayProcess | undefined;
  let members: ConversationMember[];
  let conversationIds: string[];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-embedded-'));
    // Run as root, PostgreSQL runs as the postgres user, which must be able to enter DATA_DIR.
    await chmod(dataDir, 0o755);
    await seedDemoPharmacy(undefined, dataDir);
    options = { databaseUrl: undefined, dataDir, env: { RATE_LIMITS: 'off' } };
    gateway = await startGatewayProcess(options);
    options.port = gateway.port;
    const staffToken = await signInDemoStaff(gateway, DEMO_STAFF[0]);
    const otherStaff = await signInDemoStaff(gateway, DEMO_STAFF[1]);
    const first = await startCustomerConversation(gateway, staffToken, 'Killed One');
    const second = await startCustomerConversation(gateway, staffToken, 'Killed Two');
    conversationIds = [first.conversationId, second.conversationId];
    members = [first.customer, { name: 'Anna', token: staffToken, conversationId: first.conversationId }, second.customer, { name: 'Ben', token: otherStaff, conversationId: second.conversationId }];
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to start a second gateway on the same DATA_DIR, with one sentence, and leaves the first one running', async () => {
    const second = await launchGatewayProcess({ ...options, port: undefined });
    try {
      const exit = await second.exited;
      expect(exit.code).toBe(1);
      expectOneSentenceFailure(second.output(), /^Counterchat could not start\. Another process \(PID \d+\) is running the embedded PostgreSQL in .+: stop it first, or give this gateway its own DATA_DIR\.$/m);
      expect(await gateway!.health()).toBe(200);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('starts again on the same DATA_DIR after a SIGKILL, and every acknowledged message is stored exactly once', async () => {
    const prefix = `embedded-kill-${process.pid}`;
    const before = await embeddedCluster(dataDir);
    const loop = startSendLoop(gateway!.url, members, prefix);
    try {
      await loop.waitForMore(20);
      gateway!.signal('SIGKILL');
      expect(await gateway!.exited).toEqual({ code: null, signal: 'SIGKILL' });
      gateway = await startGatewayProcess(options);
      await loop.waitForMore(20);
      await loop.finish();
    } finally {
      await loop.finish(5000).catch(() => {});
    }
    const after = await embeddedCluster(dataDir);
    expect(after.pid).not.toBe(before.pid);
    expect(isProcessAlive(before.pid)).toBe(false);
    const stored = await readStoredMessages(after.ownerUrl, conversationIds, prefix);
    expect(loop.failures.some((failure) => failure.kind === 'network')).toBe(true);
    expectEverySendStoredOnce(loop, stored);
    expectDenseSequences(stored);
  }, 180_000);
});

/**
 * Run as root, PostgreSQL runs as the `postgres` user; a DATA_DIR made with `mktemp -d`
 * (mode 0700) is closed to it, so its group is let through. Run as anyone else, PostgreSQL
 * runs as that same user.
 */
describe('a gateway whose DATA_DIR only its own user may enter (mktemp -d)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-private-'));
    await chmod(dataDir, 0o700);
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const asRoot = process.getuid?.() === 0;

  (asRoot ? it : it.skip)('starts as root with the database in DATA_DIR, letting only the postgres group pass through it', async () => {
    const gateway = await startGatewayProcess({ databaseUrl: undefined, dataDir });
    try {
      expect(await gateway.health()).toBe(200);
      expect(gateway.output()).toContain(`  Database: embedded PostgreSQL in ${path.join(dataDir, 'postgres')}\n`);
      const info = await stat(dataDir);
      expect([info.uid, (info.mode & 0o777).toString(8)]).toEqual([0, '710']);
      // What else is in DATA_DIR stays the gateway's own.
      expect(((await stat(path.join(dataDir, 'secrets'))).mode & 0o777).toString(8)).toBe('700');
    } finally {
      await gateway.stop();
    }
  }, 120_000);

  (asRoot ? it.skip : it)('starts, as a user other than root', async () => {
    const gateway = await startGatewayProcess({ databaseUrl: undefined, dataDir });
    try {
      expect(await gateway.health()).toBe(200);
    } finally {
      await gateway.stop();
    }
  }, 120_000);
});

/**
 * `npm ci && npm start` in a clone under /root, as root: the postgres user cannot enter /root,
 * so the cluster lives in /var/lib/counterchat/clusters/, and DATA_DIR/postgres-location
 * says where. A temporary folder made by mktemp (mode 0700, root's) stands for /root.
 */
(process.getuid?.() === 0 ? describe : describe.skip)('a gateway in a clone inside a folder the postgres user cannot enter (/root), as root', () => {
  let home: string;
  let dataDir: string;
  let cluster: string | undefined;

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'counterchat-root-'));
    await chmod(home, 0o700);
    dataDir = path.join(home, 'counterchat', 'data');
    await mkdir(path.dirname(dataDir));
  });

  afterAll(async () => {
    // Only this test's cluster: /var/lib/counterchat/clusters itself is root's to keep.
    if (cluster) await rm(path.dirname(cluster), { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  });

  it('starts, says where its database is and why, and starts again on it after a SIGKILL', async () => {
    await seedDemoPharmacy(undefined, dataDir);
    cluster = (await readFile(path.join(dataDir, 'postgres-location'), 'utf8')).trim();
    expect(cluster).toMatch(/^\/var\/lib\/counterchat\/clusters\/data-[0-9a-f]{12}\/postgres$/);
    const banner = `  Database: embedded PostgreSQL in ${cluster} (DATA_DIR is inside ${home}, which the postgres user cannot enter)\n`;

    let gateway = await startGatewayProcess({ databaseUrl: undefined, dataDir });
    try {
      expect(gateway.output()).toContain(banner);
      // The demo data seeded by the first start is there.
      await signInDemoStaff(gateway);
      const postmaster = Number((await readFile(path.join(cluster, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      expect((await stat(cluster)).uid).not.toBe(0);
      expect(((await stat(cluster)).mode & 0o777).toString(8)).toBe('700');
      expect(((await stat(home)).mode & 0o777).toString(8)).toBe('700');

      gateway.signal('SIGKILL');
      await gateway.exited;
      gateway = await startGatewayProcess({ databaseUrl: undefined, dataDir });
      expect(gateway.output()).toContain(banner);
      await signInDemoStaff(gateway);
      expect(isProcessAlive(postmaster)).toBe(false);
    } finally {
      await gateway.stop();
    }
  }, 240_000);
});
