import { expect } from '@jest/globals';
import { nextClientMessageId } from './fixtures.js';
import type { TestGateway } from './test-gateway.js';

/** The two steps most conversation tests take: open a thread, write in it (failing the test on an error). */
export function threadSteps(gateway: () => TestGateway) {
  return {
    /** A customer's token starts their own thread; a staff token names the customer in `input`. */
    async startThread(token: string, input: { subject?: string; customerId?: string }): Promise<string> {
      const response = await gateway().graphql(`mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }`, { input }, token);
      expect(response.errors).toBeUndefined();
      return response.data.startConversation.id as string;
    },
    /** The new message's id. */
    async send(token: string, conversationId: string, body: string): Promise<string> {
      const response = await gateway().graphql(
        `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
        { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
        token,
      );
      expect(response.errors).toBeUndefined();
      return response.data.sendMessage.id as string;
    },
  };
}
