import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDefaultHighWaterMark, Readable } from 'node:stream';
import { receiveUpload } from '../../../gateway/uploads/receive-upload.js';

const MAX_BYTES = 64 * 1024;

/** Sends `bytes` in 1 KB chunks, like a request body arriving over the network. */
function streamOf(bytes: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += 1024) chunks.push(bytes.subarray(offset, offset + 1024));
  return Readable.from(chunks, { objectMode: false });
}

describe('receiveUpload', () => {
  let root: string;
  let directory: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'counterchat-receive-'));
    directory = join(root, 'incoming'); // not created yet: receiveUpload creates it
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('accepts a file of exactly the limit, with its size and SHA-256', async () => {
    const bytes = Buffer.alloc(MAX_BYTES, 7);
    const upload = await receiveUpload(streamOf(bytes), { maxBytes: MAX_BYTES, directory, field: 'file' });
    expect(upload.byteSize).toBe(MAX_BYTES);
    expect(upload.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(await readFile(upload.path)).toEqual(bytes);
    expect(upload.path.startsWith(directory)).toBe(true);
    await upload.dispose();
    expect(await readdir(directory)).toEqual([]);
  });

  it('rejects one byte over the limit with PAYLOAD_TOO_LARGE and leaves no file behind', async () => {
    const source = streamOf(Buffer.alloc(MAX_BYTES + 1, 7));
    const received = receiveUpload(source, { maxBytes: MAX_BYTES, directory, field: 'file' });
    await expect(received).rejects.toMatchObject({
      message: 'Only photos, PDF and Word documents up to 0.1 MB can be attached.',
      extensions: { code: 'PAYLOAD_TOO_LARGE', field: 'file' },
    });
    expect(source.destroyed).toBe(true);
    expect(await readdir(directory)).toEqual([]);
  });

  it('states the limit in megabytes', async () => {
    const tenMegabytes = 10 * 1024 * 1024;
    const received = receiveUpload(streamOf(Buffer.alloc(tenMegabytes + 1)), { maxBytes: tenMegabytes, directory, field: 'file' });
    await expect(received).rejects.toMatchObject({
      message: 'Only photos, PDF and Word documents up to 10 MB can be attached.',
    });
    expect(await readdir(directory)).toEqual([]);
  });

  it('stops reading an endless upload soon after the limit', async () => {
    let sent = 0;
    const endless = new Readable({
      read() {
        sent += 1024;
        this.push(Buffer.alloc(1024));
      },
    });
    await expect(receiveUpload(endless, { maxBytes: MAX_BYTES, directory, field: 'file' })).rejects.toMatchObject({
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(endless.destroyed).toBe(true);
    // What stopping "soon" means: the limit plus what the streams between the socket and the
    // file may hold (the source, the meter's two sides, the file), each Node's default
    // high-water mark: 16 KiB up to Node 20, 64 KiB from Node 22 (measured: 113 and 161 KiB).
    expect(sent).toBeLessThanOrEqual(MAX_BYTES + 4 * getDefaultHighWaterMark(false));
  });

  it('rejects an upload whose client disconnects midway with BAD_USER_INPUT and leaves no file behind', async () => {
    let chunks = 0;
    const source = new Readable({
      read() {
        chunks += 1;
        if (chunks <= 3) this.push(Buffer.alloc(1024, 1));
        else setImmediate(() => this.destroy()); // aborted without an error, as a closed socket does
      },
    });
    await expect(receiveUpload(source, { maxBytes: MAX_BYTES, directory, field: 'attachment' })).rejects.toMatchObject({
      message: 'The upload was interrupted. Please try again.',
      extensions: { code: 'BAD_USER_INPUT', field: 'attachment' },
    });
    expect(await readdir(directory)).toEqual([]);
  });

  it('rejects an upload whose source stream errors with BAD_USER_INPUT and leaves no file behind', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.alloc(2048, 1));
    setImmediate(() => source.destroy(new Error('Request disconnected during file upload stream parsing.')));
    await expect(receiveUpload(source, { maxBytes: MAX_BYTES, directory, field: 'file' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await readdir(directory)).toEqual([]);
  });

  it('rejects a stream that already failed before it was handed over', async () => {
    const source = new Readable({ read() {} });
    source.on('error', () => {}); // the caller saw it fail already
    source.destroy(new Error('gone'));
    await expect(receiveUpload(source, { maxBytes: MAX_BYTES, directory, field: 'file' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await readdir(directory)).toEqual([]);
  });

  it('gives every upload its own file name', async () => {
    const first = await receiveUpload(streamOf(Buffer.from('same')), { maxBytes: MAX_BYTES, directory, field: 'file' });
    const second = await receiveUpload(streamOf(Buffer.from('same')), { maxBytes: MAX_BYTES, directory, field: 'file' });
    expect(first.path).not.toBe(second.path);
    expect(first.sha256).toBe(second.sha256);
    await Promise.all([first.dispose(), second.dispose()]);
  });
});
