import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { Organization } from '../../../entities/organization.entity.js';
import { defaultOrganizationSettings } from '../../../entities/organization-settings.js';
import { StaffRole, StaffUser } from '../../../entities/staff-user.entity.js';
import { createPharmacy, staffSessionToken, type PharmacyFixture } from '../../support/fixtures.js';
import { quietSessions, startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

const STATS = `query ($input: ConversationStatsInput!) {
  conversationStats(input: $input) {
    from to businessHoursOnly timeZone
    byStatus { status count }
    openedToday unreadConversations askedConversations
    firstResponse { count medianSeconds averageSeconds }
    resolution { count medianSeconds averageSeconds }
    byChannel { channel askedConversations firstResponse { count medianSeconds averageSeconds } resolution { count medianSeconds averageSeconds } }
    byStaffMember { staffMember { id name } firstResponse { count medianSeconds averageSeconds } resolution { count medianSeconds averageSeconds } }
  }
}`;

/** Monday to Friday 09:00-17:00 in Amsterdam (UTC+1 until 29 March 2026, UTC+2 after). */
const BUSINESS_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '17:00' }));

type Step =
  | { at: string; by: 'customer' }
  | { at: string; by: 'staff'; staffId: string }
  | { at: string; by: 'partner' }
  | { at: string; resolvedBy: string };

/**
 * Writes a conversation and its messages straight into the database with the given
 * times (ISO strings with offsets), as the send path would have left them: staff who
 * wrote have read up to their message.
 */
async function seedConversation(
  manager: EntityManager,
  pharmacy: PharmacyFixture,
  partnerKeyId: string,
  options: { customer?: 0 | 1; channel?: string; status?: string; createdAt?: string; steps: Step[] },
): Promise<string> {
  const times = options.steps.map((step) => step.at);
  const createdAt = options.createdAt ?? times[0] ?? new Date().toISOString();
  const [{ id }] = await manager.query(
    `INSERT INTO conversation (organization_id, customer_id, channel, status, last_sequence, message_count, last_activity_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7) RETURNING id`,
    [
      pharmacy.organization.id,
      pharmacy.customers[options.customer ?? 0].id,
      options.channel ?? 'WIDGET',
      options.status ?? 'OPEN',
      options.steps.length,
      times.at(-1) ?? createdAt,
      createdAt,
    ],
  );
  const readUpTo = new Map<string, number>();
  for (const [index, step] of options.steps.entries()) {
    const sequence = index + 1;
    if ('resolvedBy' in step) {
      const event = { type: 'STATUS_CHANGED', from: 'OPEN', to: 'RESOLVED', actorType: 'STAFF', actorId: step.resolvedBy };
      await manager.query(
        `INSERT INTO message (organization_id, conversation_id, sequence, kind, body, system_event, created_at)
         VALUES ($1, $2, $3, 'SYSTEM', 'Conversation resolved.', $4, $5)`,
        [pharmacy.organization.id, id, sequence, JSON.stringify(event), step.at],
      );
      continue;
    }
    const [senderType, senderId] =
      step.by === 'customer' ? ['CUSTOMER', pharmacy.customers[options.customer ?? 0].id] : step.by === 'staff' ? ['STAFF', step.staffId] : ['PARTNER', partnerKeyId];
    await manager.query(
      `INSERT INTO message (organization_id, conversation_id, sequence, kind, sender_type, sender_id, body, created_at)
       VALUES ($1, $2, $3, 'TEXT', $4, $5, 'A message', $6)`,
      [pharmacy.organization.id, id, sequence, senderType, senderId, step.at],
    );
    if (step.by === 'staff') readUpTo.set(step.staffId, sequence);
  }
  for (const [staffId, sequence] of readUpTo) {
    await manager.query(
      `INSERT INTO participant (organization_id, conversation_id, actor_type, actor_id, role, last_read_sequence)
       VALUES ($1, $2, 'STAFF', $3, 'AGENT', $4)`,
      [pharmacy.organization.id, id, staffId, sequence],
    );
  }
  return id;
}

describe('conversationStats', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let other: PharmacyFixture;
  let staffRoleToken: string;

  const stats = async (input: Record<string, unknown>, token = pharmacy.tokens.admin) => {
    const response = await gateway.graphql(STATS, { input }, token);
    expect(response.errors).toBeUndefined();
    return response.data.conversationStats;
  };
  const week = (monday: string, businessHoursOnly = false) => ({
    from: `${monday}T00:00:00+01:00`,
    to: new Date(Date.parse(`${monday}T00:00:00+01:00`) + 7 * 86_400_000).toISOString(),
    businessHoursOnly,
  });

  beforeAll(async () => {
    gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'stats');
    other = await createPharmacy(gateway.dataSource, gateway.tokens, 'stats-other');
    const manager = gateway.dataSource.manager;
    await manager.getRepository(Organization).update(pharmacy.organization.id, {
      settings: { ...defaultOrganizationSettings, timeZone: 'Europe/Amsterdam', businessHours: BUSINESS_HOURS },
    });
    const plainStaff = await manager.save(
      manager.create(StaffUser, { organizationId: pharmacy.organization.id, email: 'staff@stats.test', name: 'Plain staff', role: StaffRole.STAFF, passwordHash: 'x' }),
    );
    staffRoleToken = await staffSessionToken(gateway.dataSource, gateway.tokens, plainStaff);
    const [{ id: partnerKeyId }] = await manager.query(`SELECT id FROM api_key WHERE organization_id = $1 LIMIT 1`, [pharmacy.organization.id]);
    const seed = (options: Parameters<typeof seedConversation>[3]) => seedConversation(manager, pharmacy, partnerKeyId, options);
    const admin = pharmacy.admin.id;
    const pharmacist = pharmacy.pharmacist.id;

    // Week of Monday 2 March: before opening time.
    await seed({ steps: [{ by: 'customer', at: '2026-03-02T08:30:00+01:00' }, { by: 'staff', staffId: admin, at: '2026-03-02T09:30:00+01:00' }] });
    // Week of 2 March too: Friday afternoon to Monday morning, and the customer wrote again since.
    await seed({
      status: 'PENDING',
      steps: [
        { by: 'customer', at: '2026-03-06T16:30:00+01:00' },
        { by: 'staff', staffId: admin, at: '2026-03-09T09:15:00+01:00' },
        { by: 'customer', at: '2026-03-09T09:20:00+01:00' },
      ],
    });
    // Week of 16 March: three answered (600, 1200, 6000 s), one not; two resolved.
    await seed({
      status: 'RESOLVED',
      steps: [
        { by: 'customer', at: '2026-03-16T09:00:00+01:00' },
        { by: 'staff', staffId: admin, at: '2026-03-16T09:10:00+01:00' },
        { resolvedBy: pharmacist, at: '2026-03-16T10:00:00+01:00' },
      ],
    });
    await seed({
      customer: 1,
      status: 'RESOLVED',
      steps: [
        { by: 'customer', at: '2026-03-17T09:00:00+01:00' },
        { by: 'staff', staffId: pharmacist, at: '2026-03-17T09:20:00+01:00' },
        { by: 'customer', at: '2026-03-17T09:30:00+01:00' },
        { resolvedBy: pharmacist, at: '2026-03-17T11:00:00+01:00' },
      ],
    });
    await seed({
      channel: 'DASHBOARD',
      steps: [
        { by: 'customer', at: '2026-03-18T09:00:00+01:00' },
        { by: 'staff', staffId: admin, at: '2026-03-18T10:40:00+01:00' },
        { by: 'staff', staffId: pharmacist, at: '2026-03-18T10:41:00+01:00' },
      ],
    });
    await seed({ customer: 1, channel: 'DASHBOARD', steps: [{ by: 'customer', at: '2026-03-19T09:00:00+01:00' }] });
    // Week of 23 March: a partner answers one; in another, staff wrote first and the clock starts at the customer's message.
    await seed({ channel: 'PARTNER', steps: [{ by: 'customer', at: '2026-03-23T09:00:00+01:00' }, { by: 'partner', at: '2026-03-23T09:05:00+01:00' }] });
    await seed({
      status: 'CLOSED',
      steps: [
        { by: 'staff', staffId: admin, at: '2026-03-23T08:00:00+01:00' },
        { by: 'customer', at: '2026-03-23T08:30:00+01:00' },
        { by: 'staff', staffId: admin, at: '2026-03-23T09:45:00+01:00' },
      ],
    });
    // Opened today, and one yesterday (no messages).
    await seed({ steps: [] });
    await seed({ steps: [], createdAt: new Date(Date.now() - 30 * 3_600_000).toISOString() });
    // Another pharmacy's conversation in the same week must not count.
    await seedConversation(manager, other, partnerKeyId, {
      steps: [{ by: 'customer', at: '2026-03-16T09:00:00+01:00' }, { by: 'staff', staffId: other.admin.id, at: '2026-03-16T09:01:00+01:00' }],
    });
  });
  afterAll(() => gateway.dispose());

  describe('first response time', () => {
    it('measures wall-clock seconds from the first customer message to the first staff reply', async () => {
      const result = await stats({ from: '2026-03-02T00:00:00+01:00', to: '2026-03-02T23:00:00+01:00' });
      expect(result.firstResponse).toEqual({ count: 1, medianSeconds: 3600, averageSeconds: 3600 });
    });

    it('counts only business hours when asked: 08:30 to 09:30 with opening at 09:00 is 1800 s', async () => {
      const result = await stats({ from: '2026-03-02T00:00:00+01:00', to: '2026-03-02T23:00:00+01:00', businessHoursOnly: true });
      expect(result).toMatchObject({ businessHoursOnly: true, timeZone: 'Europe/Amsterdam' });
      expect(result.firstResponse).toEqual({ count: 1, medianSeconds: 1800, averageSeconds: 1800 });
    });

    it('skips the weekend in business hours: Friday 16:30 to Monday 09:15 is 45 minutes', async () => {
      const range = { from: '2026-03-06T00:00:00+01:00', to: '2026-03-07T00:00:00+01:00' };
      expect((await stats(range)).firstResponse.medianSeconds).toBe(2 * 86_400 + 16 * 3600 + 45 * 60);
      expect((await stats({ ...range, businessHoursOnly: true })).firstResponse.medianSeconds).toBe(45 * 60);
    });

    it('reports the median and the average of several conversations', async () => {
      const result = await stats(week('2026-03-16'));
      expect(result.askedConversations).toBe(4);
      expect(result.firstResponse).toEqual({ count: 3, medianSeconds: 1200, averageSeconds: 2600 });
      expect(result.resolution).toEqual({ count: 2, medianSeconds: 5400, averageSeconds: 5400 });
    });

    it('breaks the figures down by channel', async () => {
      const result = await stats(week('2026-03-16'));
      expect(result.byChannel).toEqual([
        {
          channel: 'DASHBOARD',
          askedConversations: 2,
          firstResponse: { count: 1, medianSeconds: 6000, averageSeconds: 6000 },
          resolution: { count: 0, medianSeconds: null, averageSeconds: null },
        },
        {
          channel: 'WIDGET',
          askedConversations: 2,
          firstResponse: { count: 2, medianSeconds: 900, averageSeconds: 900 },
          resolution: { count: 2, medianSeconds: 5400, averageSeconds: 5400 },
        },
      ]);
    });

    it('credits first responses to the first responder and resolutions to who resolved', async () => {
      const result = await stats(week('2026-03-16'));
      const byName = Object.fromEntries(result.byStaffMember.map((row: any) => [row.staffMember.name, row]));
      expect(Object.keys(byName).sort()).toEqual(['Admin stats', 'Pharmacist stats']);
      expect(byName['Admin stats']).toMatchObject({
        firstResponse: { count: 2, medianSeconds: 3300, averageSeconds: 3300 },
        resolution: { count: 0, medianSeconds: null, averageSeconds: null },
      });
      expect(byName['Pharmacist stats']).toMatchObject({
        firstResponse: { count: 1, medianSeconds: 1200, averageSeconds: 1200 },
        resolution: { count: 2, medianSeconds: 5400, averageSeconds: 5400 },
      });
    });

    it('counts partner answers in the totals but not per staff member, and starts at the first customer message', async () => {
      const result = await stats(week('2026-03-23'));
      expect(result.firstResponse).toEqual({ count: 2, medianSeconds: (300 + 4500) / 2, averageSeconds: (300 + 4500) / 2 });
      expect(result.byStaffMember.map((row: any) => [row.staffMember.name, row.firstResponse.medianSeconds])).toEqual([['Admin stats', 4500]]);
    });

    it('handles daylight saving time in business hours through PostgreSQL', async () => {
      // Friday 27 March 16:00 (UTC+1) to Monday 30 March 10:00 (UTC+2): one hour each side.
      const [{ wall, business }] = await gateway.dataSource.query(
        `SELECT extract(epoch FROM $2::timestamptz - $1::timestamptz) AS wall, business_seconds($1, $2, $3, 'Europe/Amsterdam') AS business`,
        ['2026-03-27T16:00:00+01:00', '2026-03-30T10:00:00+02:00', JSON.stringify(BUSINESS_HOURS)],
      );
      expect(Number(wall)).toBe(2 * 86_400 + 17 * 3600);
      expect(business).toBe(7200);
    });

    it('computes business seconds within one day, across days and outside hours', async () => {
      const seconds = async (start: string, finish: string, hours: unknown = BUSINESS_HOURS) =>
        (await gateway.dataSource.query(`SELECT business_seconds($1, $2, $3, 'Europe/Amsterdam') AS s`, [start, finish, JSON.stringify(hours)]))[0].s;
      expect(await seconds('2026-03-02T10:00:00+01:00', '2026-03-02T10:30:00+01:00')).toBe(1800);
      expect(await seconds('2026-03-02T16:00:00+01:00', '2026-03-03T10:00:00+01:00')).toBe(7200);
      expect(await seconds('2026-03-07T10:00:00+01:00', '2026-03-08T20:00:00+01:00')).toBe(0);
      expect(await seconds('2026-03-02T18:00:00+01:00', '2026-03-02T10:00:00+01:00')).toBe(0);
      expect(await seconds('2026-03-02T08:00:00+01:00', '2026-03-02T20:00:00+01:00', [{ day: 1, opens: '09:00', closes: '12:00' }, { day: 1, opens: '13:00', closes: '17:00' }])).toBe(7 * 3600);
      expect(await seconds('2026-03-01T22:00:00+01:00', '2026-03-02T02:00:00+01:00', [{ day: 0, opens: '20:00', closes: '24:00' }])).toBe(2 * 3600);
    });
  });

  describe('counts', () => {
    it('counts conversations by status, opened today and unread, for this pharmacy only', async () => {
      const result = await stats(week('2026-03-16'));
      expect(result.byStatus).toEqual([
        { status: 'OPEN', count: 6 },
        { status: 'PENDING', count: 1 },
        { status: 'RESOLVED', count: 2 },
        { status: 'CLOSED', count: 1 },
      ]);
      expect(result.openedToday).toBe(1);
      // The weekend thread (customer wrote after the reply), the unanswered one, and the partner-answered one.
      expect(result.unreadConversations).toBe(3);
    });

    it("shows another pharmacy only its own figures", async () => {
      const result = await stats(week('2026-03-16'), other.tokens.admin);
      expect(result.askedConversations).toBe(1);
      expect(result.firstResponse).toEqual({ count: 1, medianSeconds: 60, averageSeconds: 60 });
      expect(result.byStatus.find((row: any) => row.status === 'OPEN').count).toBe(1);
    });

    it('answers with a fixed number of statements', async () => {
      const before = gateway.queries.count;
      await stats(week('2026-03-16'));
      // Viewer check aside: settings, counts, timings, and one staff batch for byStaffMember.
      expect(gateway.queries.count - before).toBeLessThanOrEqual(5);
    });
  });

  describe('access and input', () => {
    it.each([
      ['a customer', (p: PharmacyFixture) => p.tokens.customer],
      ['a partner key with READ', (p: PharmacyFixture) => p.tokens.partnerRead],
      ['a partner key with READ and WRITE', (p: PharmacyFixture) => p.tokens.partnerWrite],
    ])('is FORBIDDEN for %s', async (_, token) => {
      const response = await gateway.graphql(STATS, { input: week('2026-03-16') }, token(pharmacy));
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    });

    it('is FORBIDDEN for staff without the ADMIN or PHARMACIST role', async () => {
      const response = await gateway.graphql(STATS, { input: week('2026-03-16') }, staffRoleToken);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('is allowed for pharmacists', async () => {
      expect((await stats(week('2026-03-16'), pharmacy.tokens.pharmacist)).askedConversations).toBe(4);
    });

    it('requires signing in', async () => {
      const response = await gateway.graphql(STATS, { input: week('2026-03-16') });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['"to" before "from"', { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'input.to'],
      ['an empty range', { from: '2026-03-02T00:00:00Z', to: '2026-03-02T00:00:00Z' }, 'input.to'],
      ['a range over a year', { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'input.to'],
    ])('rejects %s as BAD_USER_INPUT', async (_, input, field) => {
      const response = await gateway.graphql(STATS, { input }, pharmacy.tokens.admin);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('rejects business hours only when the pharmacy has none', async () => {
      const response = await gateway.graphql(STATS, { input: week('2026-03-16', true) }, other.tokens.admin);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.businessHoursOnly' });
    });

    it('rejects business hours only when the pharmacy’s hours are unusable', async () => {
      await gateway.dataSource.getRepository(Organization).update(other.organization.id, {
        settings: { ...defaultOrganizationSettings, businessHours: [{ day: 1, opens: '9am', closes: '17:00' }] },
      });
      const response = await gateway.graphql(STATS, { input: week('2026-03-16', true) }, other.tokens.admin);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.businessHoursOnly' });
    });

    it('falls back to UTC, and says so, when the pharmacy’s time zone is unknown', async () => {
      await gateway.dataSource.getRepository(Organization).update(other.organization.id, {
        settings: { ...defaultOrganizationSettings, timeZone: 'Mars/Olympus_Mons' },
      });
      const result = await stats(week('2026-03-16'), other.tokens.admin);
      expect(result.timeZone).toBe('UTC');
      expect(result.firstResponse.count).toBe(1);
    });
  });
});
