import http from 'node:http';
import { verifyWebhook } from './verify-webhook.js';

export interface CounterchatWebhook {
  /** The event id: the same on every retry and redelivery. Dedupe by it. */
  id: string;
  type: string;
  createdAt: string;
  organizationId: string;
  data: Record<string, unknown>;
}

export interface WebhookReceiverOptions {
  port: number;
  secret: string;
  /** Runs once per event id. Throwing makes the receiver answer 500, so Counterchat retries. */
  onEvent(event: CounterchatWebhook): Promise<void> | void;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A receiver as we recommend writing one: verify the signature over the raw body,
 * answer 401 if it fails, skip event ids already handled (delivery is at-least-once),
 * answer 2xx only after handling. Keep handling quick: Counterchat waits 10 s.
 *
 * The "already handled" set lives in memory here; a real receiver records event ids
 * in its database, in the same transaction as the work the event causes.
 */
export function startWebhookReceiver({ port, secret, onEvent }: WebhookReceiverOptions): http.Server {
  const handled = new Set<string>();
  return http
    .createServer(async (request, response) => {
      if (request.method !== 'POST') return void response.writeHead(405).end();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of request as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) return void response.writeHead(413).end();
        chunks.push(chunk);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const valid = verifyWebhook({
        secret,
        body,
        timestamp: request.headers['counterchat-timestamp'] as string | undefined,
        signature: request.headers['counterchat-signature'] as string | undefined,
      });
      if (!valid) return void response.writeHead(401).end();
      const event = JSON.parse(body) as CounterchatWebhook;
      if (handled.has(event.id)) return void response.writeHead(200).end();
      try {
        await onEvent(event);
        handled.add(event.id);
        response.writeHead(204).end();
      } catch (error) {
        console.error(`Handling ${event.type} ${event.id} failed; Counterchat will retry.`, error);
        response.writeHead(500).end();
      }
    })
    .listen(port);
}
