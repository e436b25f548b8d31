import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ActorType } from '../../../entities/actor-type.js';
import { Conversation } from '../../../entities/conversation.entity.js';
import { ParticipantRole } from '../../../entities/participant.entity.js';
import { StaffRole } from '../../../entities/staff-user.entity.js';
import type { SignedInViewer } from '../../../gateway/auth/viewer.js';
import { awayCustomerCheck, awayCustomerJobKey } from '../../../resolvers/notification/away-customer-schedule.js';
import { joinAndRead, type ReadPosition } from '../../../resolvers/thread/read-position.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { quietSessions, startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

/**
 * Joining a thread and moving one's read position is one statement, and a job the caller's
 * transaction adds with it (a reply's away-customer check) rides on that statement instead of
 * costing a round trip of its own.
 */
let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let conversation: Conversation;
let pharmacist: SignedInViewer;

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'read-position');
  const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Repeat" }) { id } }`, {}, pharmacy.tokens.customer);
  conversation = await gateway.dataSource.getRepository(Conversation).findOneByOrFail({ id: started.data.startConversation.id });
  pharmacist = { kind: 'staff', organizationId: pharmacy.organization.id, staffId: pharmacy.pharmacist.id, role: StaffRole.PHARMACIST };
});

afterAll(() => gateway?.dispose());

/** The position, and how many statements joinAndRead itself sent in its transaction. */
function readWithCheck(readThrough: number): Promise<{ position: ReadPosition; statements: number }> {
  return gateway.database.asViewer(pharmacist, (scope) =>
    scope.transaction(async (tx) => {
      const before = gateway.queries.count;
      const position = await joinAndRead(tx, conversation, { type: ActorType.STAFF, id: pharmacy.pharmacist.id }, {
        role: ParticipantRole.AGENT,
        readThrough,
        alsoEnqueue: awayCustomerCheck(pharmacy.organization.id, conversation.id),
      });
      return { position, statements: gateway.queries.count - before };
    }),
  );
}

const pendingChecks = async () =>
  (await gateway.dataSource.query(`SELECT count(*)::int AS count FROM graphile_worker._private_jobs WHERE key = $1`, [awayCustomerJobKey(conversation.id)]))[0].count;

describe('joinAndRead with a job', () => {
  it('joins, reads and adds the job in one statement, and joining again moves the position without a second job', async () => {
    const joined = await readWithCheck(1);
    expect(joined.statements).toBe(1);
    expect(joined.position.lastReadSequence).toBe(1);
    expect(joined.position.lastReadAt).toBeInstanceOf(Date);
    expect(await pendingChecks()).toBe(1);

    const again = await readWithCheck(3);
    expect(again.statements).toBe(1);
    expect(again.position.lastReadSequence).toBe(3);
    // The job key keeps one pending check per conversation.
    expect(await pendingChecks()).toBe(1);
    const [participant] = await gateway.dataSource.query(`SELECT role, last_read_sequence FROM participant WHERE conversation_id = $1 AND actor_id = $2`, [conversation.id, pharmacy.pharmacist.id]);
    expect(participant).toEqual({ role: ParticipantRole.AGENT, last_read_sequence: 3 });
  });
});
