import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { newClientMessageId } from '../../../../clients/shared/messages/client-message-id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const global = globalThis as { isSecureContext?: boolean };

afterEach(() => {
  delete global.isSecureContext;
  jest.restoreAllMocks();
});

describe('newClientMessageId', () => {
  it('uses crypto.randomUUID in a secure context', () => {
    global.isSecureContext = true;
    const randomUUID = jest.spyOn(crypto, 'randomUUID');
    const id = newClientMessageId();
    expect(randomUUID).toHaveBeenCalledTimes(1);
    expect(id).toMatch(UUID_V4);
  });

  it('makes a version 4 UUID from crypto.getRandomValues outside a secure context (plain http)', () => {
    global.isSecureContext = false;
    const randomUUID = jest.spyOn(crypto, 'randomUUID');
    const ids = Array.from({ length: 200 }, () => newClientMessageId());
    expect(randomUUID).not.toHaveBeenCalled();
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('fits the 1 to 100 characters the server accepts', () => {
    expect(newClientMessageId()).toHaveLength(36);
  });
});
