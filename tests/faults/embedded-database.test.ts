import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
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
 * (mode 0700) is closed to it. Run as anyone else, PostgreSQL runs as that same user.
 */
describe('a gateway whose DATA_DIR only its own user may enter (mktemp -d)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-private-'));
    await chmod(dataDir, 0o700);
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const asRoot = process.getuid?.() === 0;

  (asRoot ? it : it.skip)('exits 1 with one sentence naming the folder and what to change, as root', async () => {
    const gateway = await launchGatewayProcess({ databaseUrl: undefined, dataDir });
    try {
      expect((await gateway.exited).code).toBe(1);
      const folder = dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expectOneSentenceFailure(
        gateway.output(),
        new RegExp(`^Counterchat could not start\\. The embedded PostgreSQL runs as the "postgres" user .*, which cannot enter ${folder} \\(owner root, mode 0700\\): .*set DATABASE_URL\\.$`, 'm'),
      );
    } finally {
      await gateway.stop();
    }
  }, 60_000);

  (asRoot ? it.skip : it)('starts, as a user other than root', async () => {
    const gateway = await startGatewayProcess({ databaseUrl: undefined, dataDir });
    try {
      expect(await gateway.health()).toBe(200);
    } finally {
      await gateway.stop();
    }
  }, 120_000);
});
