import type { Request, RequestHandler } from 'express';
import { isPartnerCredential, type TrustedDocuments } from './trusted-documents.js';

/** The parts of an operation that name its document. */
export interface OperationBody {
  query?: unknown;
  extensions?: Record<string, unknown> | null;
}

type Resolution = 'ok' | 'not-found' | 'untrusted';

interface Rule {
  production: boolean;
  partner: boolean;
}

/**
 * On `/graphql` (HTTP), after the body is parsed (JSON or multipart) and before Apollo:
 * a request naming a trusted document by hash gets its text; in production a request
 * that is not a partner's must be a trusted document, or it is refused. Every way Apollo
 * could run an operation is covered: a POST body (one operation or a batch, JSON or
 * multipart) and a GET's query string, which Apollo reads instead of any body.
 */
export function trustedDocumentsMiddleware(documents: TrustedDocuments, { production }: { production: boolean }): RequestHandler {
  return (request, response, next) => {
    const rule = { production, partner: isPartnerCredential(request.headers.authorization) };
    const resolution = request.method === 'GET' ? resolveSearch(documents, request, rule) : resolveBody(documents, request.body, rule);
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

/** A POST: one operation, or a batch whose every operation must pass (Apollo refuses batches anyway). */
function resolveBody(documents: TrustedDocuments, body: unknown, rule: Rule): Resolution {
  const operations = Array.isArray(body) ? body : [body];
  let resolution: Resolution = 'ok';
  for (const operation of operations) {
    // Not an operation at all: Apollo refuses it ("POST body missing", "batching disabled").
    if (!operation || typeof operation !== 'object' || Array.isArray(operation)) continue;
    const each = resolveOperation(documents, operation as OperationBody, rule);
    if (each === 'untrusted') return each;
    if (each === 'not-found') resolution = each;
  }
  return resolution;
}

/**
 * A GET runs what its query string says (`query`, `extensions`). In production a caller that
 * is not a partner may run only a trusted document named by its hash (how Apollo Client's
 * persisted-query link sends GETs), never a `query` of its own. A known hash becomes its
 * text in the query string Apollo reads.
 */
function resolveSearch(documents: TrustedDocuments, request: Request, rule: Rule): Resolution {
  const [path, search = ''] = request.url.split(/\?(.*)/s, 2) as [string, string?];
  const params = new URLSearchParams(search);
  const extensionsParams = params.getAll('extensions');
  // Given twice or not JSON: Apollo refuses the request without running anything.
  const extensions = extensionsParams.length === 1 ? parseObject(extensionsParams[0]!) : undefined;
  if (rule.production && !rule.partner && params.has('query')) return 'untrusted';
  if (!extensions?.persistedQuery) return 'ok';
  const operation: OperationBody = { query: params.get('query') ?? undefined, extensions };
  const resolution = resolveOperation(documents, operation, rule);
  if (resolution !== 'ok') return resolution;
  if (typeof operation.query === 'string') params.set('query', operation.query);
  if (Object.keys(extensions).length > 0) params.set('extensions', JSON.stringify(extensions));
  else params.delete('extensions');
  request.url = `${path}?${params}`;
  return 'ok';
}

/**
 * Puts a trusted document's text into `body.query` when the body names it by hash.
 * Shared by HTTP and WebSocket, so both transports apply the same rule.
 */
export function resolveOperation(documents: TrustedDocuments, body: OperationBody, { production, partner }: Rule): Resolution {
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

function parseObject(json: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
