import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { logger } from '../logging/logger.js';
import type { MetricsConfig } from './config.js';

export interface MetricsListener {
  /** e.g. http://127.0.0.1:9464/metrics */
  url: string;
  dispose(): Promise<void>;
}

/**
 * `GET /metrics` for Prometheus, on its own port and address (METRICS_PORT, METRICS_HOST,
 * default 127.0.0.1) rather than a route of the public server: behind a load balancer or
 * on the internet, the gateway's port would publish it to anyone. With METRICS_TOKEN a
 * scrape must also bring `Authorization: Bearer <token>` (Prometheus's `authorization`
 * setting), for networks the listener has to share.
 */
export async function startMetricsListener(config: MetricsConfig, registry: Registry): Promise<MetricsListener> {
  const expected = config.token === undefined ? undefined : digest(`Bearer ${config.token}`);
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) return void response.writeHead(404).end();
    // Compared as digests: same length, constant time, whatever was sent.
    if (expected && !timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      return void response.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(request.method === 'HEAD' ? undefined : text),
      (error: unknown) => {
        logger.error({ err: error }, 'Could not collect the metrics');
        response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/metrics`,
    dispose: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest();
