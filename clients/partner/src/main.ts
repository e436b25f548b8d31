import { randomUUID } from 'node:crypto';
import { CounterchatClient } from './counterchat-client.js';
import { ConversationEventsSubscription, OpenConversationsQuery, PostReplyMutation } from './operations.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/**
 * The partner example, as a command line:
 *   list                          open and pending conversations
 *   reply <conversationId> <text> post a reply as the partner app
 *   watch <conversationId> [seq]  print the messages after sequence seq (default 0: all), then live (graphql-ws)
 *   receive                       run a webhook receiver on WEBHOOK_PORT, verifying with WEBHOOK_SECRET
 * Configuration: COUNTERCHAT_URL (default http://localhost:4000/graphql), COUNTERCHAT_API_KEY.
 */
const [command, ...args] = process.argv.slice(2);

function client(): CounterchatClient {
  const apiKey = process.env.COUNTERCHAT_API_KEY;
  if (!apiKey) throw new Error('Set COUNTERCHAT_API_KEY to a key created by an ADMIN (createApiKey).');
  return new CounterchatClient({ graphqlUrl: process.env.COUNTERCHAT_URL ?? 'http://localhost:4000/graphql', apiKey });
}

async function main(): Promise<void> {
switch (command) {
  case 'list': {
    const counterchat = client();
    const { conversations } = await counterchat.request(OpenConversationsQuery, { first: 20 });
    for (const { node } of conversations.edges) {
      const preview = node.lastMessage?.body?.slice(0, 60) ?? '';
      console.log(`${node.id}  ${node.status.padEnd(7)} ${String(node.unreadCount).padStart(3)} unread  ${node.customer.name}: ${preview}`);
    }
    break;
  }
  case 'reply': {
    const [conversationId, ...words] = args;
    if (!conversationId || words.length === 0) throw new Error('Usage: reply <conversationId> <text>');
    // A fixed id per logical send makes retries safe: Counterchat returns the original message.
    const message = await client().request(PostReplyMutation, { conversationId, body: words.join(' '), clientMessageId: randomUUID() });
    console.log(`Sent as message #${message.sendMessage.sequence} (${message.sendMessage.id})`);
    break;
  }
  case 'watch': {
    const [conversationId, after = '0'] = args;
    if (!conversationId || !/^\d+$/.test(after)) throw new Error('Usage: watch <conversationId> [afterSequence]');
    const counterchat = client();
    process.on('SIGINT', () => void counterchat.close().then(() => process.exit(0)));
    for await (const { conversationEvents: event } of counterchat.subscribe(ConversationEventsSubscription, { conversationId, afterSequence: Number(after) })) {
      if (!event.message) continue;
      const sender = event.message.sender?.name ?? 'system';
      console.log(`#${event.message.sequence} ${event.kind} ${sender}: ${event.message.body ?? '(deleted)'}`);
    }
    break;
  }
  case 'receive': {
    const secret = process.env.WEBHOOK_SECRET;
    if (!secret) throw new Error('Set WEBHOOK_SECRET to the endpoint secret (createWebhookEndpoint).');
    const port = Number(process.env.WEBHOOK_PORT ?? 8787);
    startWebhookReceiver({ port, secret, onEvent: (event) => console.log(`${event.createdAt} ${event.type} ${event.id}`) });
    console.log(`Receiving webhooks on http://localhost:${port}/`);
    break;
  }
  default:
    console.log('Commands: list | reply <conversationId> <text> | watch <conversationId> [afterSequence] | receive');
    process.exitCode = command ? 1 : 0;
}
}

main().catch((error: Error) => {
  // A partner reading this wants the reason (e.g. the missing scope), not a stack trace.
  console.error(`Error: ${error.message}`);
  process.exitCode = 1;
});
