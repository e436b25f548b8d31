import { afterEach, describe, expect, it } from '@jest/globals';
import { AccessRevocations, REVOCATION_MEMORY_MS } from '../../../gateway/auth/access-revocations.js';
import type { CustomerViewer, PartnerViewer } from '../../../gateway/auth/viewer.js';
import { createEventBus, type EventBus } from '../../../gateway/pubsub/event-bus.js';
import { RealtimePublisher } from '../../../gateway/pubsub/realtime-publisher.js';

const customer = (customerId: string): CustomerViewer => ({ kind: 'customer', organizationId: 'org-1', customerId, issuedAt: new Date() });
const partner: PartnerViewer = { kind: 'partner', organizationId: 'org-1', apiKeyId: 'key-1', scopes: [] };

describe('access revocations', () => {
  let bus: EventBus;
  let revocations: AccessRevocations;
  let clock = 1_000_000;
  const setUp = () => {
    bus = createEventBus(undefined);
    revocations = new AccessRevocations(bus, () => clock);
    return new RealtimePublisher(bus);
  };
  afterEach(async () => {
    revocations.dispose();
    await bus.dispose();
  });

  it('tells a watching socket when its customer’s chat tokens are revoked, and no one else', () => {
    const publisher = setUp();
    const calls: string[] = [];
    revocations.watch(customer('c-1'), revocations.checkStarts(), () => calls.push('c-1'));
    revocations.watch(customer('c-2'), revocations.checkStarts(), () => calls.push('c-2'));
    publisher.chatTokensRevoked('org-1', 'c-1');
    expect(calls).toEqual(['c-1']);
  });

  it('answers at once for a revocation heard while the socket’s credential was being checked', () => {
    const publisher = setUp();
    const checkStarted = revocations.checkStarts();
    clock += 40;
    publisher.apiKeyRevoked('org-1', 'key-1');
    clock += 40;
    let revoked = 0;
    revocations.watch(partner, checkStarted, () => (revoked += 1));
    expect(revoked).toBe(1);
  });

  it('ignores a revocation heard before the check began: a customer unblocked since signs in with a new link', () => {
    const publisher = setUp();
    publisher.chatTokensRevoked('org-1', 'c-1');
    clock += 1;
    let revoked = 0;
    revocations.watch(customer('c-1'), revocations.checkStarts(), () => (revoked += 1));
    expect(revoked).toBe(0);
  });

  it('stops telling a socket that stopped watching', () => {
    const publisher = setUp();
    let revoked = 0;
    const stop = revocations.watch(partner, revocations.checkStarts(), () => (revoked += 1));
    stop();
    publisher.apiKeyRevoked('org-1', 'key-1');
    expect(revoked).toBe(0);
  });

  it('does not vouch for a check that began longer ago than it remembers', () => {
    setUp();
    const checkStarted = revocations.checkStarts();
    clock += REVOCATION_MEMORY_MS + 1;
    let revoked = 0;
    revocations.watch(customer('c-1'), checkStarted, () => (revoked += 1));
    expect(revoked).toBe(1);
  });
});
