import express, { Router, type Request, type Response } from 'express';
import type { TenantLookups } from '../../tenancy/tenant-lookups.js';
import type { TokenIssuer } from '../../auth/token-issuer.js';

export const WIDGET_SESSION_PATH = '/widget/session';
/** Required on every call: a cross-site page can't add it without a CORS preflight, which this route never grants. */
export const WIDGET_SESSION_HEADER = 'x-counterchat-widget';

export interface WidgetSessionRouteOptions {
  tokens: TokenIssuer;
  /** Which pharmacy a slug names (a pre-authentication lookup). */
  lookups: TenantLookups;
  /** Secure cookies need https, except on localhost (tests, `npm start`). */
  publicUrl: string;
}

/**
 * Where the chat app keeps its customer token when the browser blocks third-party storage
 * (Chromium's default now, and every incognito window): a partitioned (CHIPS), HttpOnly
 * cookie of the gateway's origin. Partitioned means one jar per store site, so another
 * site embedding the widget finds nothing; the path means it never rides along with
 * /graphql requests (no ambient credential, no CSRF). Only the app in the iframe reads it
 * back, with a same-origin request the store page can't make or read.
 *
 * - `PUT  /widget/session {organizationSlug, token}` keeps a valid customer token of that pharmacy;
 * - `GET  /widget/session?org=<slug>` → `{ token }` or 204;
 * - `DELETE /widget/session?org=<slug>` forgets it.
 */
export function widgetSessionRouter({ tokens, lookups, publicUrl }: WidgetSessionRouteOptions): Router {
  const router = Router();
  const secure = new URL(publicUrl).protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(new URL(publicUrl).hostname);

  router.use(WIDGET_SESSION_PATH, (request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    if (request.get(WIDGET_SESSION_HEADER) !== '1') return void response.status(403).json({ error: 'Missing widget header.' });
    next();
  });

  router.put(WIDGET_SESSION_PATH, express.json({ limit: '8kb' }), async (request, response) => {
    const { organizationSlug, token } = (request.body ?? {}) as { organizationSlug?: unknown; token?: unknown };
    if (!isSlug(organizationSlug) || typeof token !== 'string') return void response.status(400).json({ error: 'Send organizationSlug and token.' });
    try {
      const viewer = await tokens.verify(token);
      const organizationId = await lookups.tenantOfSlug(organizationSlug);
      if (viewer.kind !== 'customer' || organizationId !== viewer.organizationId) throw new Error('not this pharmacy');
      const maxAge = Math.max(0, Math.floor(((viewer.expiresAt?.getTime() ?? Date.now()) - Date.now()) / 1000));
      response.setHeader('Set-Cookie', sessionCookie(organizationSlug, token, maxAge, secure));
      response.status(204).end();
    } catch {
      response.status(401).json({ error: 'Not a chat token of this pharmacy.' });
    }
  });

  router.get(WIDGET_SESSION_PATH, (request: Request, response: Response) => {
    const slug = request.query.org;
    if (!isSlug(slug)) return void response.status(400).json({ error: 'Send ?org=<slug>.' });
    const token = readCookie(request.headers.cookie, cookieName(slug));
    if (!token) return void response.status(204).end();
    response.json({ token });
  });

  router.delete(WIDGET_SESSION_PATH, (request, response) => {
    const slug = request.query.org;
    if (!isSlug(slug)) return void response.status(400).json({ error: 'Send ?org=<slug>.' });
    response.setHeader('Set-Cookie', sessionCookie(slug, '', 0, secure));
    response.status(204).end();
  });

  return router;
}

const isSlug = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9][a-z0-9-]{0,99}$/.test(value);
const cookieName = (slug: string) => `cc_widget_${slug}`;

function sessionCookie(slug: string, token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`${cookieName(slug)}=${token}`, `Path=${WIDGET_SESSION_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly'];
  // Partitioned requires Secure; without either, a third-party iframe gets no cookie at all.
  attributes.push(...(secure ? ['Secure', 'SameSite=None', 'Partitioned'] : ['SameSite=Lax']));
  return attributes.join('; ');
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
}
