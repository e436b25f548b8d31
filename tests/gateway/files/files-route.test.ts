import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse as parseContentDisposition } from 'content-disposition';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FileStorage } from '../../../gateway/files/file-storage.js';
import { FileUrlSigner } from '../../../gateway/files/file-url-signer.js';
import { filesRouter, type ServableAttachment } from '../../../gateway/server/http/files-route.js';
import { LocalFileStorage } from '../../../gateway/files/local-file-storage.js';
import { logger } from '../../../gateway/logging/logger.js';

const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const WEBP_BYTES = Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');
const PDF_BYTES = Buffer.from('%PDF-1.7\n% leaflet\n');
const AWKWARD_NAME = 'Bijsluiter ü; x.pdf';
const SECRET = 'route-secret';

interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The files router alone on a free port, with the given storage. */
async function startServer(signer: FileUrlSigner, storage: FileStorage, attachments: Map<string, ServableAttachment>): Promise<RunningServer> {
  const app = express();
  app.use(filesRouter({ signer, storage, findAttachment: async (id) => attachments.get(id) ?? null }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

describe('GET /files/:token', () => {
  let workDir: string;
  let server: RunningServer;
  let signer: FileUrlSigner;
  const attachments = new Map<string, ServableAttachment>();

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'counterchat-files-route-'));
    const storage = new LocalFileStorage(path.join(workDir, 'uploads'));
    const put = async (key: string, bytes: Buffer, contentType: string) => {
      const source = path.join(workDir, 'incoming');
      await writeFile(source, bytes);
      await storage.put(key, source, contentType);
    };
    await put('org-1/2025/06/photo', PNG_BYTES, 'image/png');
    await put('org-1/2025/06/photo-thumb', WEBP_BYTES, 'image/webp');
    await put('org-1/2025/06/leaflet', PDF_BYTES, 'application/pdf');
    attachments.set('photo', { fileName: 'photo.png', contentType: 'image/png', storageKey: 'org-1/2025/06/photo', thumbnailStorageKey: 'org-1/2025/06/photo-thumb' });
    attachments.set('leaflet', { fileName: AWKWARD_NAME, contentType: 'application/pdf', storageKey: 'org-1/2025/06/leaflet', thumbnailStorageKey: null });
    attachments.set('lost-bytes', { fileName: 'gone.pdf', contentType: 'application/pdf', storageKey: 'org-1/2025/06/never-stored', thumbnailStorageKey: null });

    // Verifying needs only the secret; the links point at the port the server got.
    server = await startServer(new FileUrlSigner(SECRET, 'http://pending.test'), storage, attachments);
    signer = new FileUrlSigner(SECRET, server.url);
  });
  afterAll(async () => {
    await server.close();
    await rm(workDir, { recursive: true, force: true });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('serves an image inline with its stored type, nosniff and a sandboxing CSP', async () => {
    const response = await fetch(signer.url('photo', 'original', 'photo.png'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    expect(parseContentDisposition(response.headers.get('content-disposition')!)).toEqual({
      type: 'inline',
      parameters: { filename: 'photo.png' },
    });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it('serves the thumbnail variant as WebP', async () => {
    const response = await fetch(signer.url('photo', 'thumbnail', 'photo.png'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(parseContentDisposition(response.headers.get('content-disposition')!).type).toBe('inline');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(WEBP_BYTES);
  });

  it('serves a PDF as a download whose awkward original name survives encoding', async () => {
    const response = await fetch(signer.url('leaflet', 'original', AWKWARD_NAME));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const disposition = response.headers.get('content-disposition')!;
    // The quoted fallback keeps the semicolon inside the quotes; the RFC 5987 form carries the ü.
    expect(disposition).toBe(`attachment; filename="Bijsluiter ?; x.pdf"; filename*=UTF-8''Bijsluiter%20%C3%BC%3B%20x.pdf`);
    const parsed = parseContentDisposition(disposition);
    expect(parsed.type).toBe('attachment');
    expect(parsed.parameters.filename).toBe(AWKWARD_NAME);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF_BYTES);
  });

  it('serves the file without the cosmetic name at the end of the path', async () => {
    const withName = new URL(signer.url('leaflet', 'original', AWKWARD_NAME));
    const withoutName = withName.pathname.split('/').slice(0, 3).join('/');
    const response = await fetch(`${server.url}${withoutName}`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF_BYTES);
  });

  it('answers 403 FORBIDDEN for a tampered link', async () => {
    const url = new URL(signer.url('photo', 'original', 'photo.png'));
    const [, , token, name] = url.pathname.split('/');
    const [payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const swapped = Buffer.from(JSON.stringify({ ...claims, a: 'leaflet' })).toString('base64url');
    const response = await fetch(`${server.url}/files/${swapped}.${signature}/${name}`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errors: [{ message: 'This file link is not valid.', extensions: { code: 'FORBIDDEN' } }] });
  });

  it('answers 403 FORBIDDEN for a malformed link', async () => {
    const response = await fetch(`${server.url}/files/not-a-token/photo.png`);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('answers 403 FORBIDDEN with the expiry message for an expired link', async () => {
    const response = await fetch(signer.url('photo', 'original', 'photo.png', -1));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      errors: [{ message: 'This file link has expired. Open the conversation again to get a new one.', extensions: { code: 'FORBIDDEN' } }],
    });
  });

  it('answers 404 NOT_FOUND for an attachment that does not exist', async () => {
    const response = await fetch(signer.url('deleted', 'original', 'x.pdf'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'File not found.', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers 404 NOT_FOUND for the thumbnail of a file that has none', async () => {
    const response = await fetch(signer.url('leaflet', 'thumbnail', AWKWARD_NAME));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'File not found.', extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers 404 NOT_FOUND when the attachment exists but its bytes are gone', async () => {
    const response = await fetch(signer.url('lost-bytes', 'original', 'gone.pdf'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'File not found.', extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('GET /files/:token when storage fails', () => {
  it('answers 500 INTERNAL_SERVER_ERROR without details and logs the cause', async () => {
    const signer = new FileUrlSigner(SECRET, 'http://unused.test');
    const brokenStorage: FileStorage = {
      put: async () => {},
      read: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.7:9000 (secret internals)');
      },
      delete: async () => {},
    };
    const attachments = new Map<string, ServableAttachment>([
      ['photo', { fileName: 'photo.png', contentType: 'image/png', storageKey: 'org-1/photo', thumbnailStorageKey: null }],
    ]);
    const server = await startServer(signer, brokenStorage, attachments);
    const logged = jest.spyOn(logger, 'error').mockImplementation(() => {});
    try {
      const token = new URL(signer.url('photo', 'original', 'photo.png')).pathname.split('/')[2];
      const response = await fetch(`${server.url}/files/${token}`);
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({
        errors: [{ message: 'Something went wrong on our side. Please try again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
      expect(body).not.toContain('ECONNREFUSED');
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
      await server.close();
    }
  });
});
