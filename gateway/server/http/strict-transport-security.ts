import type { RequestHandler } from 'express';

/** A year, the usual minimum for browsers' preload lists; subdomains are served over https too. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * When browsers reach the gateway over https (PUBLIC_URL), every response tells them to
 * never use plain http for it again: a chat token or a staff session must not travel over
 * a downgraded connection. Over http (development) the header would mean nothing.
 */
export function strictTransportSecurity(publicUrl: string): RequestHandler {
  if (new URL(publicUrl).protocol !== 'https:') return (_request, _response, next) => next();
  return (_request, response, next) => {
    response.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    next();
  };
}
