import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The fan-out baseline: a bare `ws` server that broadcasts each published payload to the
 * sockets of one conversation. No GraphQL, no auth, no database: the floor the gateway's
 * delivery is compared with. Forked by the orchestrator; tells it the port over IPC.
 * POST /publish {conversationId, sequence, clientMessageId} → broadcast, stamped with the
 * publish time and carrying the sender's clientMessageId (bench/support/send-stamp.ts).
 */
const subscribers = new Map<string, Set<WebSocket>>();
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const { conversationId, sequence, clientMessageId } = JSON.parse(body) as { conversationId: string; sequence: number; clientMessageId?: string };
    const frame = JSON.stringify({
      id: '1',
      type: 'next',
      payload: {
        data: {
          conversationEvents: {
            kind: 'MESSAGE_ADDED',
            message: { id: `${conversationId}:${sequence}`, sequence, clientMessageId, createdAt: new Date().toISOString(), body: 'Your prescription is ready for pickup.' },
          },
        },
      },
    });
    for (const socket of subscribers.get(conversationId) ?? []) socket.send(frame);
    response.writeHead(204).end();
  });
});
const sockets = new WebSocketServer({ server });
sockets.on('connection', (socket, request) => {
  const conversationId = new URL(request.url ?? '/', 'http://x').searchParams.get('conversation') ?? '';
  const set = subscribers.get(conversationId) ?? new Set();
  subscribers.set(conversationId, set.add(socket));
  socket.on('close', () => set.delete(socket));
});
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
