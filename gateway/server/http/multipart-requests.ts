import type { RequestHandler, Response } from 'express';
import { processRequest } from 'graphql-upload-minimal';
import { guardMultipartParser } from '../../uploads/multipart-parser-guards.js';
import { UPLOAD_LIMITS } from '../../uploads/upload-limits.js';

/**
 * GraphQL multipart requests (file uploads) on `/graphql`. A browser form can post
 * multipart across sites without a preflight, so such a request must carry a header
 * no form can set: checked here, before a single byte of the body is read (Apollo's
 * csrfPrevention repeats the check later for every other request).
 */
export function multipartRequests(): RequestHandler[] {
  const requirePreflight: RequestHandler = (request, response, next) => {
    if (!request.is('multipart/form-data')) return next();
    if (request.headers['apollo-require-preflight'] || request.headers['x-apollo-operation-name']) return next();
    refuse(response, 400, 'File uploads need the "Apollo-Require-Preflight: true" header (protection against cross-site requests).');
  };
  const uploads: RequestHandler = (request, response, next) => {
    if (!request.is('multipart/form-data')) return next();
    const guard = guardMultipartParser(request, response);
    processRequest(request, response, {
      // One byte above our own limit, so receive-upload rejects first, with its clearer error.
      maxFileSize: UPLOAD_LIMITS.maxFileBytes + 1,
      maxFiles: UPLOAD_LIMITS.maxFilesPerMessage,
      maxFieldSize: UPLOAD_LIMITS.maxFieldBytes,
    }).then(
      (operations) => {
        guard.watchUploads(operations);
        request.body = operations;
        next();
      },
      (error: unknown) => refuseUnreadable(response, error),
    );
  };
  return [requirePreflight, uploads];
}

/**
 * Whatever went wrong reading a multipart body is the client's doing: a size limit is 413,
 * anything else (no boundary, a broken part header, truncation, bad `operations` or `map`
 * JSON, fields out of order, no fields at all, the client gone) is 400, never a 500.
 */
function refuseUnreadable(response: Response, error: unknown): void {
  if ((error as { status?: unknown } | undefined)?.status === 413) return refuse(response, 413, 'The request body is too large.', 'PAYLOAD_TOO_LARGE');
  refuse(response, 400, 'The multipart request could not be read; send a GraphQL multipart request.');
}

function refuse(response: Response, status: number, message: string, code = 'BAD_REQUEST'): void {
  // A client that went away mid-body has no one left to answer.
  if (response.headersSent || response.destroyed) return;
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}
