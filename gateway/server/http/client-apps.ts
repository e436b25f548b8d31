import express, { Router, type RequestHandler, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where browsers find the built apps; see CONTRACTS.md. */
export const DASHBOARD_PATH = '/dashboard/';
export const WIDGET_APP_PATH = '/widget/';
export const WIDGET_LOADER_PATH = '/widget.js';

export interface ClientAppsOptions {
  /** `dist/clients`: holds `dashboard/`, `widget/` and `widget-loader/widget.js` once built. */
  clientsDir: string;
  /** The gateway's own origin, for the WebSocket entry of the Content-Security-Policy. */
  publicUrl: string;
}

/**
 * Serves the built dashboard at /dashboard/, the widget's chat app at /widget/ and its
 * loader at /widget.js. Hashed assets are cached for a year; the HTML entry points are
 * revalidated on every load, so a deploy reaches every open tab on its next reload.
 */
export function clientAppsRouter({ clientsDir, publicUrl }: ClientAppsOptions): Router {
  const router = Router();
  const socketOrigin = new URL(publicUrl).origin.replace(/^http/, 'ws');

  router.get('/dashboard', addTrailingSlash);
  router.use(
    DASHBOARD_PATH,
    singlePageApp(path.join(clientsDir, 'dashboard'), {
      // Staff data never renders inside someone else's page.
      contentSecurityPolicy: contentSecurityPolicy(socketOrigin, "'none'"),
    }),
  );

  router.get('/widget', addTrailingSlash);
  router.use(
    WIDGET_APP_PATH,
    singlePageApp(path.join(clientsDir, 'widget'), {
      // Any pharmacy web store embeds the chat app in an iframe.
      contentSecurityPolicy: contentSecurityPolicy(socketOrigin, '*'),
    }),
  );

  const loaderFile = path.join(clientsDir, 'widget-loader', 'widget.js');
  router.get(WIDGET_LOADER_PATH, (_request, response) => {
    if (!existsSync(loaderFile)) return notBuilt(response, 'widget');
    // The URL stores paste is not versioned: keep caches short so fixes reach them.
    response.setHeader('Cache-Control', 'public, max-age=300');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    response.sendFile(loaderFile);
  });

  return router;
}

/** `/dashboard` → `/dashboard/`, keeping the query (a chat link's token). Routing is not strict, so check. */
const addTrailingSlash: RequestHandler = (request, response, next) => {
  const [pathname, query] = request.originalUrl.split(/\?(.*)/s, 2);
  if (pathname!.endsWith('/')) return next();
  response.redirect(301, `${pathname}/${query ? `?${query}` : ''}`);
};

interface SinglePageAppOptions {
  contentSecurityPolicy: string;
}

/** Static files, and index.html for every other path so client-side routes survive a reload. */
function singlePageApp(root: string, { contentSecurityPolicy }: SinglePageAppOptions): Router {
  const app = Router();
  const indexFile = path.join(root, 'index.html');
  app.use((_request, response, next) => {
    response.setHeader('Content-Security-Policy', contentSecurityPolicy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // Chat links carry a token in the query string; never leak it to another site.
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use(
    '/assets',
    express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', index: false }),
    // A stale tab asking for an asset of an older build: a plain 404, not the HTML page.
    (_request, response) => response.status(404).type('text/plain').send('Not found'),
  );
  app.use(express.static(root, { index: false, maxAge: 0 }));
  app.get('/{*rest}', (_request, response) => {
    if (!existsSync(indexFile)) return notBuilt(response, path.basename(root));
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
  return app;
}

function contentSecurityPolicy(socketOrigin: string, frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React sets style attributes; no inline <style> or <script> is served.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    // Video calls play MediaStreams (srcObject), which some browsers check against media-src.
    "media-src 'self' blob: mediastream:",
    `connect-src 'self' ${socketOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

function notBuilt(response: Response, app: string) {
  response
    .status(503)
    .type('text/plain')
    .send(`The ${app} app is not built yet. Run "npm run build" and reload.`);
}
