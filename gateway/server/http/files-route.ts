import { create as contentDisposition } from 'content-disposition';
import { Router, type RequestHandler, type Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, INTERNAL_ERROR_MESSAGE, notFound } from '../../errors/domain-error.js';
import { attachmentFileName } from '../../files/attachment-file-name.js';
import { ErrorCode } from '../../errors/error-code.js';
import { StoredFileNotFoundError, type FileStorage } from '../../files/file-storage.js';
import type { FileUrlSigner } from '../../files/file-url-signer.js';
import { logger } from '../../logging/logger.js';

/** Thumbnails are always generated as WebP, whatever the original was. */
const THUMBNAIL_CONTENT_TYPE = 'image/webp';

/** What the route needs to know about an attachment to serve it. */
export interface ServableAttachment {
  /** The name the uploader gave the file; only ever shown, never used as a path. */
  fileName: string;
  /** Detected from the bytes at upload, not taken from the client. */
  contentType: string;
  storageKey: string;
  thumbnailStorageKey: string | null;
}

export interface FilesRouteDependencies {
  signer: FileUrlSigner;
  storage: FileStorage;
  /** By id alone: the signed link already carries the permission. `null` when it no longer exists. */
  findAttachment(id: string): Promise<ServableAttachment | null>;
}

/**
 * `GET /files/:token[/:name]`: streams an attachment to whoever holds a valid signed link.
 * The trailing name is there for the browser's download name and is ignored.
 */
export function filesRouter(deps: FilesRouteDependencies): Router {
  const serveFile: RequestHandler<{ token: string }> = async (request, response) => {
    let stream: Readable;
    let attachment: ServableAttachment;
    let contentType: string;
    try {
      const { attachmentId, variant } = deps.signer.verify(request.params.token);
      const found = await deps.findAttachment(attachmentId);
      const key = variant === 'thumbnail' ? found?.thumbnailStorageKey : found?.storageKey;
      if (!found || !key) return sendError(response, 404, notFound('File'));
      attachment = found;
      contentType = variant === 'thumbnail' ? THUMBNAIL_CONTENT_TYPE : found.contentType;
      stream = await deps.storage.read(key);
    } catch (error) {
      if (error instanceof DomainError) return sendError(response, 403, error);
      // The row exists but the bytes do not (deleted, or a storage switch without migrating).
      if (error instanceof StoredFileNotFoundError) return sendError(response, 404, notFound('File'));
      logger.error({ err: error }, 'Could not serve a file');
      return sendError(response, 500, internalError());
    }

    response.status(200).set({
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      // Even an HTML or SVG file opened directly is never a page that runs script or reaches our origin.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=300',
      // Images show in the browser; anything else (PDF, documents) is downloaded, never rendered by us.
      // Normalized here too: rows stored before names were normalized at upload.
      'Content-Disposition': contentDisposition(attachmentFileName(attachment.fileName, attachment.contentType), {
        type: contentType.startsWith('image/') ? 'inline' : 'attachment',
      }),
    });
    try {
      await pipeline(stream, response);
    } catch (error) {
      // A client that stops downloading is not our failure; anything else is, but the
      // headers are gone by now, so the connection is cut (pipeline already destroyed it).
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        logger.error({ err: error }, 'File stream failed while serving');
      }
    }
  };

  const router = Router();
  router.get('/files/:token', serveFile);
  router.get('/files/:token/:name', serveFile);
  return router;
}

function sendError(response: Response, status: number, error: DomainError): void {
  response
    .status(status)
    .set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
    .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
}

const internalError = () => new DomainError(ErrorCode.InternalServerError, INTERNAL_ERROR_MESSAGE);
