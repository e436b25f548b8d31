import type { RequestHandler } from 'express';
import { isPartnerCredential, type TrustedDocuments } from './trusted-documents.js';

interface OperationBody {
  query?: unknown;
  extensions?: Record<string, unknown> | null;
}

/**
 * On `/graphql` (HTTP), after the body is parsed (JSON or multipart) and before Apollo:
 * a request naming a trusted document by hash gets its text; in production a request
 * that is not a partner's must be a trusted document, or it is refused.
 */
export function trustedDocumentsMiddleware(documents: TrustedDocuments, { production }: { production: boolean }): RequestHandler {
  return (request, response, next) => {
    const body = request.body as OperationBody | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return next();
    const resolution = resolveOperation(documents, body, { production, partner: isPartnerCredential(request.headers.authorization) });
    if (resolution === 'not-found') {
      // Apollo Client's persisted-query link answers this by sending the full text.
      return void response.status(200).json({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    }
    if (resolution === 'untrusted') {
      return void response.status(400).json({ errors: [{ message: UNTRUSTED_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });
    }
    next();
  };
}

export const UNTRUSTED_MESSAGE = "This gateway runs only its own apps' operations; partner systems send theirs with an API key.";

/**
 * Puts a trusted document's text into `body.query` when the body names it by hash.
 * Shared by HTTP and WebSocket, so both transports apply the same rule.
 */
export function resolveOperation(
  documents: TrustedDocuments,
  body: OperationBody,
  { production, partner }: { production: boolean; partner: boolean },
): 'ok' | 'not-found' | 'untrusted' {
  const persisted = body.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  const hash = persisted?.sha256Hash;
  if (persisted) delete body.extensions!.persistedQuery;
  if (typeof hash === 'string') {
    const text = documents.documentFor(hash);
    if (text) body.query = text;
    else if (typeof body.query !== 'string') return 'not-found';
  }
  if (production && !partner && !documents.isTrusted(body.query)) return 'untrusted';
  return 'ok';
}
