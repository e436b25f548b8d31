import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdir, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import * as samples from '../../fixtures/sample-files.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { sendWithFiles, type MultipartFile } from '../../support/multipart-request.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const RULE = 'Only photos, PDF and Word documents up to 10 MB can be attached.';

/** Polls `condition` until it holds; bounded, so a leak fails the test instead of hanging it. */
async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('attachments', () => {
  let gateway: TestGateway;
  let north: PharmacyFixture;
  let south: PharmacyFixture;
  let conversationId: string;

  const send = (files: MultipartFile[], body = '', token = north.tokens.customer, headers?: Record<string, string>) =>
    sendWithFiles(gateway.url, token, { conversationId, body, clientMessageId: nextClientMessageId() }, files, headers);
  /** Every stored file, so a failed upload can be shown to leave nothing behind. */
  const storedFiles = async (): Promise<string[]> => {
    const root = path.join(gateway.dataDir, 'uploads');
    return (await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []))
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
  };
  const attachmentRows = async () => Number((await gateway.dataSource.query('SELECT count(*) FROM attachment'))[0].count);
  const incomingFiles = async () => (await readdir(path.join(gateway.dataDir, 'incoming')).catch(() => [])).length;

  beforeAll(async () => {
    gateway = await startTestGateway();
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-files');
    south = await createPharmacy(gateway.dataSource, gateway.tokens, 'south-files');
    conversationId = (await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, north.tokens.customer)).data.startConversation.id;
  });
  afterAll(() => gateway.dispose());

  describe('accepted files', () => {
    it.each([
      ['a JPEG photo', () => samples.jpegWithGps(), 'prescription.jpg', 'image/jpeg', true],
      ['a PNG', () => samples.png(), 'box.png', 'image/png', true],
      ['a GIF', () => samples.gif(), 'animation.gif', 'image/gif', true],
      ['a WebP', () => samples.webp(), 'photo.webp', 'image/webp', true],
      ['a PDF leaflet', () => samples.pdf(), 'leaflet.pdf', 'application/pdf', false],
      ['a Word document', () => samples.docx(), 'form.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
      ['an old Word document', () => samples.doc(), 'form.doc', 'application/msword', false],
    ] as const)('stores %s, detected by content, with a working download link', async (_label, make, name, contentType, isImage) => {
      const data = await make();
      const response = await send([{ name, type: 'application/octet-stream', data }], 'Here it is');
      expect(response.body.errors).toBeUndefined();
      const [attachment] = response.body.data.sendMessage.attachments;
      expect(attachment).toMatchObject({ fileName: name, contentType, isImage });
      expect(Boolean(attachment.thumbnailUrl)).toBe(isImage);
      const download = await fetch(attachment.url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(contentType);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-disposition')).toMatch(isImage ? /^inline/ : /^attachment/);
      expect(Buffer.from(await download.arrayBuffer()).length).toBe(attachment.byteSize);
    });

    it('trusts the bytes, not the declared type or the name', async () => {
      const response = await send([
        { name: 'leaflet.pdf', type: 'application/pdf', data: await samples.png() },
        { name: 'photo.jpg', type: 'image/jpeg', data: samples.pdf() },
      ]);
      expect(response.body.data.sendMessage.attachments.map((attachment: { contentType: string }) => attachment.contentType)).toEqual([
        'image/png',
        'application/pdf',
      ]);
    });

    it('removes EXIF and GPS from a photo, keeps its size and makes a small webp thumbnail', async () => {
      const original = await samples.jpegWithGps();
      expect((await sharp(original).metadata()).exif).toBeDefined();
      const [attachment] = (await send([{ name: 'where-i-live.jpg', type: 'image/jpeg', data: original }])).body.data.sendMessage.attachments;
      const stored = Buffer.from(await (await fetch(attachment.url)).arrayBuffer());
      const metadata = await sharp(stored).metadata();
      expect(metadata.exif).toBeUndefined();
      expect([metadata.width, metadata.height]).toEqual([attachment.width, attachment.height]);
      const thumbnail = await fetch(attachment.thumbnailUrl);
      expect(thumbnail.headers.get('content-type')).toBe('image/webp');
      const thumbnailMetadata = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
      expect(Math.max(thumbnailMetadata.width!, thumbnailMetadata.height!)).toBeLessThanOrEqual(320);
    });

    it('keeps every stored file rw------- and every folder rwx------: only the gateway\'s user can read them', async () => {
      const response = await send([
        { name: 'prescription.jpg', type: 'image/jpeg', data: await samples.jpegWithGps() },
        { name: 'leaflet.pdf', type: 'application/pdf', data: samples.pdf() },
      ]);
      expect(response.body.errors).toBeUndefined();
      const uploads = path.join(gateway.dataDir, 'uploads');
      const entries = await readdir(uploads, { recursive: true, withFileTypes: true });
      const modeOf = async (file: string) => ((await stat(file)).mode & 0o777).toString(8);
      const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
      const folders = [uploads, path.join(gateway.dataDir, 'incoming'), ...entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(entry.parentPath, entry.name))];
      // The photo, its thumbnail and the PDF at least.
      expect(files.length).toBeGreaterThanOrEqual(3);
      for (const file of files) expect([file, await modeOf(file)]).toEqual([file, '600']);
      for (const folder of folders) expect([folder, await modeOf(folder)]).toEqual([folder, '700']);
    });

    it('announces the message with its attachments and thumbnail link to subscribers', async () => {
      const subscriber = connectSubscriber(gateway.wsUrl, north.tokens.pharmacist);
      try {
        const events = subscriber.subscribe(
          `subscription ($id: ID!) { conversationEvents(conversationId: $id) { message { attachments { contentType thumbnailUrl } } } }`,
          { id: conversationId },
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        await send([{ name: 'box.png', type: 'image/png', data: await samples.png() }]);
        const [attachment] = (await events.next()).data.conversationEvents.message.attachments;
        expect(attachment.contentType).toBe('image/png');
        expect((await fetch(attachment.thumbnailUrl)).status).toBe(200);
      } finally {
        await subscriber.dispose();
      }
    });
  });

  describe('file names', () => {
    const contentDisposition = async (url: string) => (await fetch(url)).headers.get('content-disposition');

    it('shows and downloads a right-to-left-override name as what the file is (issue 14)', async () => {
      // Read right to left from U+202E, this shows as "invoiceexe.pdf"; the bytes are a PDF.
      const response = await send([{ name: 'invoice\u202Efdp.exe', type: 'application/pdf', data: samples.pdf() }]);
      expect(response.body.errors).toBeUndefined();
      const [attachment] = response.body.data.sendMessage.attachments;
      expect(attachment.fileName).toBe('invoicefdp.pdf');
      expect(await contentDisposition(attachment.url)).toBe(`attachment; filename=invoicefdp.pdf`);
      const [stored] = await gateway.dataSource.query('SELECT file_name FROM attachment WHERE id = $1', [attachment.id]);
      expect(stored.file_name).toBe('invoicefdp.pdf');
    });

    it('caps a long name at 255 bytes, keeping the extension of the content', async () => {
      const response = await send([{ name: `${'Bijsluiter '.repeat(60)}.docx`, type: 'application/pdf', data: samples.pdf() }]);
      const [attachment] = response.body.data.sendMessage.attachments;
      expect(Buffer.byteLength(attachment.fileName)).toBeLessThanOrEqual(255);
      expect(attachment.fileName).toMatch(/^Bijsluiter Bijsluiter .*\.pdf$/);
    });

    it('also cleans a name stored before names were cleaned at upload', async () => {
      const [attachment] = (await send([{ name: 'box.png', type: 'image/png', data: await samples.png() }])).body.data.sendMessage.attachments;
      await gateway.dataSource.query('UPDATE attachment SET file_name = $1 WHERE id = $2', ['holiday\u202Egnp.exe', attachment.id]);
      const read = await gateway.graphql(
        `query ($id: ID!) { conversation(id: $id) { messages(last: 1) { edges { node { attachments { fileName url } } } } } }`,
        { id: conversationId },
        north.tokens.pharmacist,
      );
      const [again] = read.data.conversation.messages.edges[0].node.attachments;
      expect(again.fileName).toBe('holidaygnp.png');
      expect(await contentDisposition(again.url)).toBe(`inline; filename=holidaygnp.png`);
    });
  });

  describe('refused files leave nothing behind', () => {
    it.each([
      ['an SVG with a script', () => samples.svgWithScript(), 'logo.svg'],
      ['an HTML page', () => samples.html(), 'page.html'],
      ['an executable', () => samples.exe(), 'setup.exe'],
      ['a ZIP archive', () => samples.zip(), 'files.zip'],
    ] as const)('refuses %s with BAD_USER_INPUT and a message people understand', async (_label, make, name) => {
      const [filesBefore, rowsBefore] = [await storedFiles(), await attachmentRows()];
      const response = await send([{ name, type: 'image/png', data: Buffer.from(await make()) }], 'Look');
      expect(response.body.errors[0]).toMatchObject({ message: RULE, extensions: { code: 'BAD_USER_INPUT', field: 'attachments[0]' } });
      expect(await storedFiles()).toEqual(filesBefore);
      expect(await attachmentRows()).toBe(rowsBefore);
      expect(await incomingFiles()).toBe(0);
    });

    it('refuses a file of 10 MiB + 1 byte, and removes the valid file stored before it', async () => {
      const [filesBefore, rowsBefore] = [await storedFiles(), await attachmentRows()];
      const tooBig = Buffer.concat([samples.pdf(), Buffer.alloc(10 * 1024 * 1024 + 1 - samples.pdf().length, 0x20)]);
      const response = await send([
        { name: 'ok.png', type: 'image/png', data: await samples.png() },
        { name: 'huge.pdf', type: 'application/pdf', data: tooBig },
      ]);
      expect(response.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'attachments[1]' });
      expect(await storedFiles()).toEqual(filesBefore);
      expect(await attachmentRows()).toBe(rowsBefore);
    });

    it('refuses six files in one message', async () => {
      const rowsBefore = await attachmentRows();
      const six = await Promise.all(Array.from({ length: 6 }, async (_, index) => ({ name: `${index}.png`, type: 'image/png', data: await samples.png() })));
      const response = await send(six);
      expect(response.status).toBe(413);
      expect(response.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await attachmentRows()).toBe(rowsBefore);
    });

    it('refuses a multipart request without the CSRF preflight header, before reading it', async () => {
      const response = await send([{ name: 'box.png', type: 'image/png', data: await samples.png() }], '', north.tokens.customer, {});
      expect(response.status).toBe(400);
      expect(response.body.errors[0].message).toMatch(/Apollo-Require-Preflight/);
    });

    it('survives an upload aborted half-way, leaving no row and no file, and takes the next upload', async () => {
      const [filesBefore, rowsBefore] = [await storedFiles(), await attachmentRows()];
      const boundary = 'counterchat-abort';
      const operations = JSON.stringify({
        query: 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
        variables: { input: { conversationId, body: '', clientMessageId: nextClientMessageId(), attachments: [null] } },
      });
      const head = [
        `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.input.attachments.0"]}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ].join('');
      const request = http.request(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${north.tokens.customer}`,
          'apollo-require-preflight': 'true',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + 5 * 1024 * 1024),
        },
      });
      const ended = new Promise<void>((resolve) => {
        request.on('error', () => resolve());
        request.on('close', () => resolve());
      });
      request.write(head);
      request.write(Buffer.concat([samples.pdf(), Buffer.alloc(1024 * 1024, 0x20)]));
      // Half-way means the server is writing the file: only then does its removal prove the cleanup.
      await waitUntil('the upload to reach the disk', async () => (await incomingFiles()) > 0);
      request.destroy();
      await ended;
      await waitUntil('the partial file to be removed', async () => (await incomingFiles()) === 0);
      expect(await storedFiles()).toEqual(filesBefore);
      expect(await attachmentRows()).toBe(rowsBefore);

      const next = await send([{ name: 'leaflet.pdf', type: 'application/pdf', data: samples.pdf() }]);
      expect(next.body.errors).toBeUndefined();
      expect(next.body.data.sendMessage.attachments).toHaveLength(1);
      expect(await attachmentRows()).toBe(rowsBefore + 1);
    });
  });

  describe('download links', () => {
    let attachment: { id: string; url: string; fileName: string };

    beforeAll(async () => {
      [attachment] = (await send([{ name: 'Bijsluiter ü.pdf', type: 'application/pdf', data: samples.pdf() }])).body.data.sendMessage.attachments;
    });

    it('names the file safely in Content-Disposition', async () => {
      const download = await fetch(attachment.url);
      expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''Bijsluiter%20%C3%BC.pdf`);
    });

    it('refuses a tampered link, and one edited to point at another attachment', async () => {
      const token = new URL(attachment.url).pathname.split('/')[2]!;
      const [payload, signature] = token.split('.');
      const tampered = attachment.url.replace(token, `${payload}.${signature!.slice(0, -2)}AA`);
      expect((await fetch(tampered)).status).toBe(403);
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const otherPayload = Buffer.from(JSON.stringify({ ...claims, a: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
      expect((await fetch(attachment.url.replace(payload!, otherPayload))).status).toBe(403);
    });

    it('refuses an expired link', async () => {
      const expired = gateway.files.signer.url(attachment.id, 'original', attachment.fileName, -1);
      const response = await fetch(expired);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/expired/);
    });

    it('gives no link to staff of another pharmacy', async () => {
      const response = await gateway.graphql(
        `query ($id: ID!) { conversation(id: $id) { messages { edges { node { attachments { url } } } } } }`,
        { id: conversationId },
        south.tokens.pharmacist,
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(response)).not.toContain('/files/');
    });

    it('deletes the files with the message', async () => {
      const sent = await send([{ name: 'oops.png', type: 'image/png', data: await samples.png() }]);
      const { id, attachments } = sent.body.data.sendMessage;
      const filesBefore = (await storedFiles()).length;
      await gateway.graphql(`mutation ($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id }, north.tokens.customer);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await storedFiles()).length).toBe(filesBefore - 2);
      expect((await fetch(attachments[0].url)).status).toBe(404);
    });
  });
});
