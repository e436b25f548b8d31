import type { RequestHandler } from 'express';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { UPLOAD_LIMITS } from './upload-limits.js';

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
    response.status(400).json({
      errors: [
        {
          message: 'File uploads need the "Apollo-Require-Preflight: true" header (protection against cross-site requests).',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  };
  // One byte above our own limit, so receive-upload rejects first, with its clearer error.
  const parseUploads = graphqlUploadExpress({
    maxFileSize: UPLOAD_LIMITS.maxFileBytes + 1,
    maxFiles: UPLOAD_LIMITS.maxFilesPerMessage,
    maxFieldSize: UPLOAD_LIMITS.maxFieldBytes,
  });
  // The multipart parser reports a body it can't read (truncated, no boundary, garbage) as an
  // error without an HTTP status; that is the client's mistake, so 400, not 500.
  const uploads: RequestHandler = (request, response, next) =>
    parseUploads(request, response, (error?: unknown) => {
      if (!error || typeof (error as { status?: unknown }).status === 'number') return next(error);
      response.status(400).json({
        errors: [{ message: 'The multipart request could not be read; send a GraphQL multipart request.', extensions: { code: 'BAD_REQUEST' } }],
      });
    });
  return [requirePreflight, uploads];
}
