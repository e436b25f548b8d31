import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FileStorage } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';

/** The environment variables that choose and configure the storage driver. */
export interface FileStorageEnvironment {
  /** `local` (default: files under `DATA_DIR/uploads`) or `s3`. */
  STORAGE_DRIVER?: string;
  /** Required with `s3`. */
  S3_BUCKET?: string;
  /** An S3-compatible endpoint such as MinIO; unset means AWS S3. */
  S3_ENDPOINT?: string;
  S3_REGION?: string;
}

/** The configured storage driver; throws at start-up on a driver it cannot build. */
export function createFileStorage(env: FileStorageEnvironment, dataDir: string): FileStorage {
  const driver = env.STORAGE_DRIVER?.trim() || 'local';
  switch (driver) {
    case 'local':
      return new LocalFileStorage(path.join(dataDir, 'uploads'));
    case 's3':
      if (!env.S3_BUCKET) {
        throw new Error('STORAGE_DRIVER=s3 needs S3_BUCKET (and S3_ENDPOINT for MinIO or another S3-compatible store).');
      }
      return new S3FileStorage({
        bucket: env.S3_BUCKET,
        endpoint: env.S3_ENDPOINT || undefined,
        region: env.S3_REGION || undefined,
      });
    default:
      throw new Error(`STORAGE_DRIVER must be "local" or "s3", got "${driver}".`);
  }
}

/**
 * A fresh key for an organization's file: `<organizationId>/<yyyy>/<mm>/<uuid>`.
 * Never built from the uploaded file's name, so names cannot collide or traverse;
 * the month folders keep directories and bucket listings small.
 */
export function newStorageKey(organizationId: string): string {
  const now = new Date();
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${organizationId}/${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}
