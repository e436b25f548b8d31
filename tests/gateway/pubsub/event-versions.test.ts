import { describe, expect, it } from '@jest/globals';
import { readPayload } from '../../../gateway/pubsub/event-versions.js';

const message = {
  id: 'a7d3c1a0-0000-4000-8000-000000000001',
  conversationId: 'a7d3c1a0-0000-4000-8000-000000000002',
  sequence: 3,
  kind: 'TEXT',
  body: 'Is my prescription ready?',
  systemEvent: null,
  replyToId: null,
  clientMessageId: 'c-1',
  createdAt: '2026-11-30T10:00:00.000Z',
  editedAt: null,
  deletedAt: null,
};

describe('reading a payload from the bus', () => {
  it('takes a version 1 payload as it is', () => {
    const payload = { v: 1, conversationId: message.conversationId, actor: { type: 'STAFF', id: 'x' }, typing: true };
    expect(readPayload('typing', payload)).toBe(payload);
  });

  it("reads the previous release's message event (no v), its sender known by type and id but not by name", () => {
    const previous = { kind: 'MESSAGE_ADDED', conversationId: message.conversationId, message: { ...message, organizationId: 'o', senderType: 'CUSTOMER', senderId: 'c' } };
    expect(readPayload('conversation', previous)).toMatchObject({
      v: 1,
      kind: 'MESSAGE_ADDED',
      message: { ...message, sender: { type: 'CUSTOMER', id: 'c', name: null } },
    });
    const system = { kind: 'MESSAGE_ADDED', conversationId: message.conversationId, message: { ...message, kind: 'SYSTEM', senderType: null, senderId: null } };
    expect(readPayload('conversation', system)).toMatchObject({ v: 1, message: { sender: null } });
  });

  it("reads the previous release's other payloads as version 1, leaving out what they lack", () => {
    const read = { kind: 'READ', conversationId: message.conversationId, reader: { type: 'STAFF', id: 's' }, sequence: 3, readAt: message.createdAt };
    expect(readPayload('conversation', read)).toEqual({ ...read, v: 1 });
    const inbox = { conversation: { id: message.conversationId, lastMessageId: message.id } };
    expect(readPayload('inbox', inbox)).toEqual({ ...inbox, v: 1 });
    expect(readPayload('inbox', inbox)).not.toHaveProperty('conversation.lastMessage');
    expect(readPayload('access', { apiKeyId: 'k' })).toEqual({ v: 1, apiKeyId: 'k' });
    expect(readPayload('webhooks', {})).toEqual({ v: 1 });
  });

  it('drops a version it does not know, and anything that is no payload', () => {
    expect(readPayload('conversation', { v: 2, kind: 'MESSAGE_ADDED', conversationId: message.conversationId, message })).toBeUndefined();
    expect(readPayload('presence', { v: '1', actor: { type: 'STAFF', id: 's' }, online: true })).toBeUndefined();
    for (const nothing of [null, undefined, 'MESSAGE_ADDED', 42]) expect(readPayload('typing', nothing)).toBeUndefined();
  });
});
