import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  /** Exactly as sent: what the signature covers. */
  rawBody: string;
  body: { id: string; type: string; createdAt: string; organizationId: string; data: Record<string, any> };
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answers with these statuses in turn, then 200. */
  failNext(...statuses: number[]): void;
  /** Resolves once `count` requests (successful or not) have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export interface WebhookReceiverOptions {
  /** Runs once a request has arrived, before it is answered: something to do while the sender waits. */
  beforeAnswer?: (webhook: ReceivedWebhook) => Promise<void>;
}

/** A real HTTP endpoint on a free port that records every delivery. */
export async function startWebhookReceiver(port = 0, options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const planned: number[] = [];
  const waiters = new Set<() => void>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const webhook = { headers: request.headers, rawBody, body: JSON.parse(rawBody) };
      void (options.beforeAnswer?.(webhook) ?? Promise.resolve()).finally(() => {
        received.push(webhook);
        response.writeHead(planned.shift() ?? 200).end();
        for (const wake of waiters) wake();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actualPort}/hooks/counterchat`,
    received,
    failNext: (...statuses) => planned.push(...statuses),
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} webhook requests, got ${received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
