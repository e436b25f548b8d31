import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StoredFileNotFoundError, type FileStorage } from './file-storage.js';

/** Customers' files are nobody else's business on this host: folders rwx------, files rw-------. */
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Attachment bytes on the local disk, one file per key below `root`
 * (the app uses `DATA_DIR/uploads`). Suits a single instance; several instances
 * need a shared directory or the S3 driver. Only the gateway's own user can read them.
 */
export class LocalFileStorage implements FileStorage {
  private readonly root: string;
  private rootClosed: Promise<void> | undefined;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The content type is not kept: the attachment row holds the detected type. */
  async put(key: string, sourcePath: string, _contentType: string): Promise<void> {
    const target = this.pathFor(key);
    const directory = path.dirname(target);
    await this.closeRoot();
    await mkdir(directory, { recursive: true, mode: PRIVATE_FOLDER });
    // Same directory, so the rename is atomic: a reader sees the whole file or none.
    const temporary = path.join(directory, `.${path.basename(target)}.${randomUUID()}.partial`);
    try {
      await copyFile(sourcePath, temporary);
      // copyFile gives the copy its source's mode, whatever that was.
      await chmod(temporary, PRIVATE_FILE);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const file = this.pathFor(key);
    await this.closeRoot();
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
   * The root is made rwx------ (and made so again if it was not: files stored by earlier
   * versions were rw-r--r-- in rwxr-xr-x folders), once per process, before the first file goes
   * in or out. Nobody else can then reach any file below it, whatever that file's own mode.
   */
  private closeRoot(): Promise<void> {
    if (!this.rootClosed) {
      this.rootClosed = (async () => {
        // The folders above keep their modes (DATA_DIR stays traversable for the embedded PostgreSQL).
        await mkdir(path.dirname(this.root), { recursive: true });
        await mkdir(this.root, { recursive: true, mode: PRIVATE_FOLDER });
        if (((await stat(this.root)).mode & 0o777) !== PRIVATE_FOLDER) await chmod(this.root, PRIVATE_FOLDER);
      })();
      // A failure (a full disk, a read-only mount) is tried again by the next call.
      this.rootClosed.catch(() => (this.rootClosed = undefined));
    }
    return this.rootClosed;
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
