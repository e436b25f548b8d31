import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { attachmentFileName } from '../../gateway/files/attachment-file-name.js';
import { newStorageKey } from '../../gateway/files/create-file-storage.js';
import type { FileStorage } from '../../gateway/files/file-storage.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import { detectAllowedFileType } from '../../gateway/uploads/detect-file-type.js';
import { processImage } from '../../gateway/uploads/process-image.js';
import { receiveUpload } from '../../gateway/uploads/receive-upload.js';
import { UPLOAD_LIMITS } from '../../gateway/uploads/upload-limits.js';

/** A file as the multipart request delivers it (graphql-upload's FileUpload, narrowed). */
export interface IncomingFile {
  filename: string;
  createReadStream(): Readable;
}

/** A checked file, already in storage, waiting for its attachment row. */
export interface StoredFile {
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  storageKey: string;
  thumbnailStorageKey: string | null;
  width: number | null;
  height: number | null;
}

export interface AttachmentIntakeDependencies {
  storage: FileStorage;
  /** Where uploads stream to before they are checked; on the same disk as local storage. */
  incomingDirectory: string;
}

/**
 * Takes a message's uploads before its transaction starts (a slow upload must not
 * hold the conversation's row lock): stream each to disk under the size limit,
 * check its type by content, re-encode images without metadata, and store it.
 * Any failure removes everything stored so far: no partial file outlives a failed send.
 */
export async function takeAttachments(
  uploads: readonly Promise<IncomingFile>[],
  organizationId: string,
  deps: AttachmentIntakeDependencies,
): Promise<{ files: StoredFile[]; discard: () => Promise<void> }> {
  const storedKeys: string[] = [];
  const discard = async () => {
    await Promise.allSettled(storedKeys.map((key) => deps.storage.delete(key)));
  };
  const files: StoredFile[] = [];
  let index = 0;
  try {
    // One after another: a multipart body delivers its files in order.
    for (; index < uploads.length; index += 1) {
      const field = `attachments[${index}]`;
      const upload = await uploads[index]!.catch(() => {
        throw badUserInput(field, 'The file did not arrive. Please try again.');
      });
      files.push(await takeOne(upload, field, organizationId, deps, storedKeys));
    }
    return { files, discard };
  } catch (error) {
    // Later files are still in the request body; read them off so the request can end.
    for (let rest = index + 1; rest < uploads.length; rest += 1) {
      uploads[rest]!.then((upload) => upload.createReadStream().resume()).catch(() => {});
    }
    await discard();
    throw error;
  }
}

/** Reads off uploads that will not be used (an idempotent retry), so the request can end. */
export function ignoreAttachments(uploads: readonly Promise<IncomingFile>[]): void {
  for (const upload of uploads) upload.then((file) => file.createReadStream().resume()).catch(() => {});
}

async function takeOne(
  upload: IncomingFile,
  field: string,
  organizationId: string,
  deps: AttachmentIntakeDependencies,
  storedKeys: string[],
): Promise<StoredFile> {
  const received = await receiveUpload(upload.createReadStream(), {
    maxBytes: UPLOAD_LIMITS.maxFileBytes,
    directory: deps.incomingDirectory,
    field,
  });
  const temporary: string[] = [];
  try {
    const type = await detectAllowedFileType(received.path, field);
    const image = type.isImage ? await processImage(received.path, type, field) : null;
    // Named for what is stored: a HEIC photo re-encoded as JPEG is a .jpg.
    const fileName = attachmentFileName(upload.filename, image?.mime ?? type.mime);
    const storageKey = newStorageKey(organizationId);
    if (!image) {
      await deps.storage.put(storageKey, received.path, type.mime);
      storedKeys.push(storageKey);
      return { fileName, contentType: type.mime, byteSize: received.byteSize, sha256: received.sha256, storageKey, thumbnailStorageKey: null, width: null, height: null };
    }
    // The stored original is the re-encoded image: what the sender's camera wrote (GPS included) is gone.
    const originalPath = `${received.path}.clean`;
    const thumbnailPath = `${received.path}.thumb`;
    temporary.push(originalPath, thumbnailPath);
    // rw-------, as the upload they came from (receive-upload.ts).
    await writeFile(originalPath, image.data, { mode: 0o600 });
    await writeFile(thumbnailPath, image.thumbnail, { mode: 0o600 });
    const thumbnailStorageKey = newStorageKey(organizationId);
    await deps.storage.put(storageKey, originalPath, image.mime);
    storedKeys.push(storageKey);
    await deps.storage.put(thumbnailStorageKey, thumbnailPath, 'image/webp');
    storedKeys.push(thumbnailStorageKey);
    return {
      fileName,
      contentType: image.mime,
      byteSize: image.data.length,
      sha256: createHash('sha256').update(image.data).digest('hex'),
      storageKey,
      thumbnailStorageKey,
      width: image.width,
      height: image.height,
    };
  } finally {
    await received.dispose();
    await Promise.allSettled(temporary.map((file) => rm(file, { force: true })));
  }
}
