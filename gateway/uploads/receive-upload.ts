import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, badUserInput } from '../errors/domain-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { attachmentRuleMessage } from './upload-limits.js';

export interface ReceiveUploadOptions {
  /** Largest accepted upload; one byte more and the upload is cut off and rejected. */
  maxBytes: number;
  /** Where the file is written, created if missing. The client's file name is never used. */
  directory: string;
  /** The GraphQL argument the upload came in, reported in `extensions.field`. */
  field: string;
}

/** A file received in full. The caller owns it and must `dispose()` it once moved or no longer needed. */
export interface ReceivedUpload {
  path: string;
  byteSize: number;
  /** Hex SHA-256 of the bytes as received. */
  sha256: string;
  dispose(): Promise<void>;
}

/** How much of an oversized upload is still read (and dropped) so the request can finish; never more than half the limit. */
const DRAIN_ALLOWANCE_BYTES = 1024 * 1024;

/** File-system calls of the file we write: their failures are ours, not the client's. */
const SINK_SYSCALLS = new Set(['open', 'write', 'writev', 'close', 'fsync']);

/**
 * Streams an upload to a new randomly named file, counting and hashing as the
 * bytes flow, so an oversized upload stops being written at `maxBytes + 1` bytes
 * rather than after it has filled the disk. On any failure the partial file is removed.
 */
export async function receiveUpload(stream: Readable, options: ReceiveUploadOptions): Promise<ReceivedUpload> {
  // The client can disconnect while the directory is being created, before `pipeline`
  // listens; unheard, that 'error' would crash the process. `pipeline` still finds the
  // stream destroyed and rejects.
  const ignoreUntilPiped = () => {};
  stream.on('error', ignoreUntilPiped);
  try {
    return await receiveInto(stream, options);
  } finally {
    stream.off('error', ignoreUntilPiped);
  }
}

async function receiveInto(stream: Readable, { maxBytes, directory, field }: ReceiveUploadOptions): Promise<ReceivedUpload> {
  try {
    // rwx------ like the files in it: uploads are nobody else's business on this host.
    await mkdir(directory, { recursive: true, mode: 0o700 });
  } catch (error) {
    stream.destroy();
    throw error;
  }
  const path = join(directory, randomUUID());
  const hash = createHash('sha256');
  let byteSize = 0;
  let tooLarge = false;

  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      byteSize += chunk.length;
      // Past the limit nothing more is written, but the source is still read to its end:
      // destroying a multipart file stream stalls the parser, and the request (whose
      // response waits for the body to be consumed) would hang. The multipart limit
      // cuts the file off one byte past ours, so little is read in vain.
      if (tooLarge || byteSize > maxBytes) {
        tooLarge = true;
        // A source without such a limit is not read forever: past the allowance, give up on it.
        callback(byteSize > maxBytes + Math.min(DRAIN_ALLOWANCE_BYTES, maxBytes / 2) ? new Error('Upload exceeds the size limit.') : undefined);
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // `wx`: never reuse an existing file; 0o600: uploads are nobody else's business on this host.
  const file = createWriteStream(path, { flags: 'wx', mode: 0o600 });

  // A multipart parser with its own size limit (graphql-upload's, one byte above ours)
  // truncates the file, emits 'limit' and unpipes it from us: without this the pipeline
  // would wait for an end that never reaches it. Finish our side and let the rest drain.
  const onLimit = () => {
    tooLarge = true;
    meter.end();
    stream.resume();
  };
  stream.once('limit', onLimit);
  try {
    await pipeline(stream, meter, file);
    if (tooLarge) throw new Error('Upload exceeds the size limit.');
  } catch (error) {
    // The write stream may still be opening or closing its descriptor; removing the
    // file before it closes could leave it behind (or let it be recreated).
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    await rm(path, { force: true });
    if (tooLarge) {
      throw new DomainError(ErrorCode.PayloadTooLarge, attachmentRuleMessage(maxBytes), { field });
    }
    if (isSinkFailure(error)) throw error; // e.g. disk full: masked as an internal error, not the client's fault
    throw badUserInput(field, 'The upload was interrupted. Please try again.');
  } finally {
    stream.off('limit', onLimit);
  }

  return { path, byteSize, sha256: hash.digest('hex'), dispose: () => rm(path, { force: true }) };
}

function isSinkFailure(error: unknown): boolean {
  const syscall = (error as NodeJS.ErrnoException | undefined)?.syscall;
  return syscall !== undefined && SINK_SYSCALLS.has(syscall);
}
