import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { signIdentity } from '../../../resolvers/widget/identity-signature.js';

export interface ExampleStoreOptions {
  /** 0 picks a free port. */
  port: number;
  /** Where browsers reach the gateway (its /widget.js). */
  counterchatUrl: string;
  organizationSlug: string;
  storeName: string;
  /** `clients/widget/example` of the package. */
  exampleDir: string;
  /** The organization's widget secret: lets this "store backend" sign a demo customer at POST /store/identity. */
  widgetSecret?: string;
}

export interface ExampleStore {
  url: string;
  dispose(): Promise<void>;
}

/** The demo customer the example store vouches for. */
export const EXAMPLE_STORE_CUSTOMER = { externalId: 'store-customer-1', name: 'Robin Store', email: 'robin@example.com' };

/**
 * A stand-in for a pharmacy's web store, on its own origin: one page with the widget
 * snippet (`?hostile=1` adds `* { all: unset }`, `?lang=nl` sets the page language)
 * and, as the store's backend would, an endpoint that signs the logged-in customer.
 */
export async function startExampleStore(options: ExampleStoreOptions): Promise<ExampleStore> {
  const template = await readFile(path.join(options.exampleDir, 'index.html'), 'utf8');
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://store.invalid');
    if (request.method === 'GET' && url.pathname === '/') {
      const lang = /^[a-z]{2}(-[A-Z]{2})?$/.test(url.searchParams.get('lang') ?? '') ? url.searchParams.get('lang')! : 'en';
      const html = template
        .replaceAll('{{LANG}}', lang)
        .replaceAll('{{COUNTERCHAT_URL}}', escapeHtml(options.counterchatUrl))
        .replaceAll('{{ORG}}', escapeHtml(options.organizationSlug))
        .replaceAll('{{STORE_NAME}}', escapeHtml(options.storeName))
        .replaceAll('{{HOSTILE_CSS}}', url.searchParams.has('hostile') ? '<style>* { all: unset; } iframe { display: none; }</style>' : '');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return response.end(html);
    }
    if (request.method === 'POST' && url.pathname === '/store/identity' && options.widgetSecret) {
      const identity = { organizationSlug: options.organizationSlug, ...EXAMPLE_STORE_CUSTOMER, issuedAt: Math.floor(Date.now() / 1000), nonce: randomUUID() };
      const { organizationSlug: _slug, ...forThePage } = identity;
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return response.end(JSON.stringify({ ...forThePage, signature: signIdentity(identity, options.widgetSecret) }));
    }
    if (url.pathname === '/favicon.ico') return response.writeHead(204).end();
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(options.port, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    dispose: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
