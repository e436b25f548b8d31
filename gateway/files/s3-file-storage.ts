import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { StoredFileNotFoundError, type FileStorage } from './file-storage.js';

/** MinIO and most S3-compatible stores accept any region and default to this one. */
const COMPATIBLE_STORE_DEFAULT_REGION = 'us-east-1';

export interface S3FileStorageOptions {
  bucket: string;
  /** An S3-compatible endpoint such as MinIO (`http://minio:9000`); unset means AWS S3. */
  endpoint?: string;
  /** Unset: the SDK's default chain (AWS_REGION, ~/.aws/config); with an `endpoint`, `us-east-1`. */
  region?: string;
  /** Bucket in the path instead of the host name. Default: true when an `endpoint` is given. */
  forcePathStyle?: boolean;
}

/**
 * Attachment bytes in an S3 bucket, shared by every instance. Credentials come from
 * the SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles),
 * never from Counterchat's own configuration.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3FileStorageOptions) {
    const compatibleStore = options.endpoint !== undefined;
    this.bucket = options.bucket;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region ?? (compatibleStore ? COMPATIBLE_STORE_DEFAULT_REGION : undefined),
      forcePathStyle: options.forcePathStyle ?? compatibleStore,
      // Since SDK 3.729 uploads carry CRC32 trailers by default, which several
      // S3-compatible stores reject; only send checksums where the API requires them.
      ...(compatibleStore ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    });
  }

  async put(key: string, sourcePath: string, contentType: string): Promise<void> {
    const { size } = await stat(sourcePath);
    const body = createReadStream(sourcePath);
    try {
      // A stream needs its length up front; without it the SDK cannot sign a single PUT.
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: size, ContentType: contentType }),
      );
    } finally {
      // Closes the file if the request failed before the body was read to the end.
      body.destroy();
    }
  }

  async read(key: string): Promise<Readable> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      // In Node.js the body is always an IncomingMessage; anything else is a runtime mix-up.
      if (!(response.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`);
      return response.Body;
    } catch (error) {
      if (isMissingObject(error)) throw new StoredFileNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      // S3 itself answers 204 for a missing key; some compatible stores answer NoSuchKey.
      if (!isMissingObject(error)) throw error;
    }
  }
}

// By name, not by 404: a 404 can also be NoSuchBucket, a misconfiguration that must surface.
function isMissingObject(error: unknown): boolean {
  return error instanceof NoSuchKey || (error instanceof S3ServiceException && error.name === 'NoSuchKey');
}
