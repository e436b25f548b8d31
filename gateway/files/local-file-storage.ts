import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StoredFileNotFoundError, type FileStorage } from './file-storage.js';

/**
 * Attachment bytes on the local disk, one file per key below `root`
 * (the app uses `DATA_DIR/uploads`). Suits a single instance; several instances
 * need a shared directory or the S3 driver.
 */
export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The content type is not kept: the attachment row holds the detected type. */
  async put(key: string, sourcePath: string, _contentType: string): Promise<void> {
    const target = this.pathFor(key);
    const directory = path.dirname(target);
    await mkdir(directory, { recursive: true });
    // Same directory, so the rename is atomic: a reader sees the whole file or none.
    const temporary = path.join(directory, `.${path.basename(target)}.${randomUUID()}.partial`);
    try {
      await copyFile(sourcePath, temporary);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const file = this.pathFor(key);
    // Opening first turns a missing file into a rejection here, not an 'error' event
    // on a stream the caller may already be piping into a response.
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileNotFoundError(key);
      throw error;
    }
    // A key that names a directory ("org/2025") is not a stored file either.
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new StoredFileNotFoundError(key);
    }
    // The stream owns the handle from here and closes it when it ends or is destroyed.
    return createReadStream(file, { fd: handle });
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathFor(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /**
   * Keys are generated (`newStorageKey`), so a key that could leave `root` is a bug,
   * not user input: it throws rather than being cleaned up.
   */
  private pathFor(key: string): string {
    const segments = key.split('/');
    if (
      key.includes('\\') ||
      key.includes('\u0000') ||
      path.isAbsolute(key) ||
      segments.some((segment) => segment === '' || segment === '.' || segment === '..')
    ) {
      throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    }
    const resolved = path.resolve(this.root, ...segments);
    // Belt and braces: whatever the checks above missed, the path must stay below root.
    if (!resolved.startsWith(this.root + path.sep)) {
      throw new Error(`Storage key escapes the storage root: ${JSON.stringify(key)}`);
    }
    return resolved;
  }
}
