import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ActorType } from '../../../entities/actor-type.js';
import { StaffRole } from '../../../entities/staff-user.entity.js';
import { AuditAction } from '../../../gateway/audit/audit-action.js';
import { ReadAuditBatches } from '../../../gateway/audit/read-audit-batches.js';
import type { SignedInViewer } from '../../../gateway/auth/viewer.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { RequestContext, type GatewayDependencies } from '../../../gateway/context/request-context.js';
import { quietSessions, startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

/**
 * Sockets' read entries share inserts (a reconnect storm is thousands at once): one insert per
 * database tenant, each entry still with its own reader and address, and never a pharmacy's
 * entries under another's tenant.
 */
let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let other: PharmacyFixture;

const staff = (fixture: PharmacyFixture, who: 'admin' | 'pharmacist'): SignedInViewer => ({ kind: 'staff', organizationId: fixture.organization.id, staffId: fixture[who].id, role: who === 'admin' ? StaffRole.ADMIN : StaffRole.PHARMACIST });
const readOf = (viewer: SignedInViewer & { kind: 'staff' }, conversationId: string, ip: string) => ({
  actor: { type: ActorType.STAFF, id: viewer.staffId },
  action: AuditAction.MESSAGES_READ,
  object: { type: 'Conversation', id: conversationId },
  ip,
});

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'read-batches');
  other = await createPharmacy(gateway.dataSource, gateway.tokens, 'read-batches-other');
});

afterAll(() => gateway?.dispose());

describe("sockets' read entries", () => {
  it('go in one insert per pharmacy, each with its own reader and address', async () => {
    const batches = new ReadAuditBatches();
    const conversationId = randomUUID();
    const admin = staff(pharmacy, 'admin') as SignedInViewer & { kind: 'staff' };
    const pharmacist = staff(pharmacy, 'pharmacist') as SignedInViewer & { kind: 'staff' };
    const stranger = staff(other, 'admin') as SignedInViewer & { kind: 'staff' };
    batches.add(gateway.database.scopeFor(admin, '192.0.2.1'), readOf(admin, conversationId, '192.0.2.1'));
    batches.add(gateway.database.scopeFor(pharmacist, '192.0.2.2'), readOf(pharmacist, conversationId, '192.0.2.2'));
    batches.add(gateway.database.scopeFor(stranger, '192.0.2.3'), readOf(stranger, conversationId, '192.0.2.3'));
    const before = gateway.queries.count;
    await batches.flush();
    // Two inserts: one per pharmacy, not one per socket.
    expect(gateway.queries.count - before).toBe(2);
    const rows: { organization_id: string; actor_id: string; ip: string }[] = await gateway.dataSource.query(
      `SELECT organization_id, actor_id, ip FROM audit_event WHERE object_id = $1 ORDER BY ip`,
      [conversationId],
    );
    expect(rows).toEqual([
      { organization_id: pharmacy.organization.id, actor_id: pharmacy.admin.id, ip: '192.0.2.1' },
      { organization_id: pharmacy.organization.id, actor_id: pharmacy.pharmacist.id, ip: '192.0.2.2' },
      { organization_id: other.organization.id, actor_id: other.admin.id, ip: '192.0.2.3' },
    ]);
  });

  it('are written on their own a moment later, without anyone flushing', async () => {
    const batches = new ReadAuditBatches();
    const conversationId = randomUUID();
    const admin = staff(pharmacy, 'admin') as SignedInViewer & { kind: 'staff' };
    batches.add(gateway.database.scopeFor(admin, '192.0.2.9'), readOf(admin, conversationId, '192.0.2.9'));
    const deadline = Date.now() + 5_000;
    let rows: unknown[] = [];
    while (rows.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      rows = await gateway.dataSource.query(`SELECT 1 FROM audit_event WHERE object_id = $1`, [conversationId]);
    }
    expect(rows).toHaveLength(1);
  });
});

describe("mutations' read entries", () => {
  it('join the shared inserts too, while a query\'s entries wait for its own transaction', () => {
    const added: string[] = [];
    const readBatches = { add: (_scope: unknown, entry: { object: { id: string } }) => void added.push(entry.object.id) } as unknown as ReadAuditBatches;
    const deps = { database: gateway.database, readBatches } as unknown as GatewayDependencies;
    const viewer = staff(pharmacy, 'pharmacist');
    // A mutation: no operation transaction (its service opens its own).
    new RequestContext(viewer, deps, '192.0.2.20').readAudit.conversationRead('mutation-read');
    // A query: the pipeline opened its transaction first; the entry commits with it.
    const query = new RequestContext(viewer, deps, '192.0.2.21');
    query.openTransaction();
    query.readAudit.conversationRead('query-read');
    expect(added).toEqual(['mutation-read']);
    return query.closeTransaction();
  });
});
