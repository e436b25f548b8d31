import { describe, expect, it } from '@jest/globals';
import { fileTypeFromBuffer } from 'file-type';
import { detectAllowedFileType } from '../../../gateway/uploads/detect-file-type.js';
import * as samples from '../../fixtures/sample-files.js';
import { useTemporaryDirectory } from '../../support/temporary-directory.js';

const REJECTION = {
  message: 'Only photos, PDF and Word documents up to 10 MB can be attached.',
  extensions: { code: 'BAD_USER_INPUT', field: 'file' },
};

describe('detectAllowedFileType', () => {
  const { write } = useTemporaryDirectory('counterchat-detect-');

  describe('accepts', () => {
    it.each([
      ['a JPEG photo', samples.jpegWithGps, { mime: 'image/jpeg', extension: 'jpg', isImage: true }],
      ['a PNG', samples.png, { mime: 'image/png', extension: 'png', isImage: true }],
      ['a GIF', samples.gif, { mime: 'image/gif', extension: 'gif', isImage: true }],
      ['a WebP', samples.webp, { mime: 'image/webp', extension: 'webp', isImage: true }],
      ['a HEIC photo', samples.heic, { mime: 'image/heic', extension: 'heic', isImage: true }],
      ['a PDF', samples.pdf, { mime: 'application/pdf', extension: 'pdf', isImage: false }],
      [
        'a Word 2007+ document',
        samples.docx,
        { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', isImage: false },
      ],
      ['a Word 97-2003 document', samples.doc, { mime: 'application/msword', extension: 'doc', isImage: false }],
    ] as const)('%s', async (_name, sample, expected) => {
      const path = await write(`sample-${expected.extension}`, await sample());
      await expect(detectAllowedFileType(path, 'file')).resolves.toEqual(expected);
    });

    it('a HEIF-branded photo, reported as HEIC', async () => {
      const heif = samples.heicHeader();
      heif.write('mif1', 8, 'latin1'); // major brand mif1, as many phones write
      expect(await fileTypeFromBuffer(heif)).toMatchObject({ mime: 'image/heif' });
      const path = await write('photo.heif', heif);
      await expect(detectAllowedFileType(path, 'file')).resolves.toEqual({ mime: 'image/heic', extension: 'heic', isImage: true });
    });
  });

  describe('judges by content, not by name', () => {
    it('detects a JPEG named .pdf as a JPEG', async () => {
      const path = await write('leaflet.pdf', await samples.jpegWithGps());
      await expect(detectAllowedFileType(path, 'file')).resolves.toMatchObject({ mime: 'image/jpeg' });
    });

    it('detects a PDF named .jpg as a PDF', async () => {
      const path = await write('photo.jpg', samples.pdf());
      await expect(detectAllowedFileType(path, 'file')).resolves.toMatchObject({ mime: 'application/pdf' });
    });

    it('rejects an HTML page named .png', async () => {
      const path = await write('photo.png', samples.html());
      await expect(detectAllowedFileType(path, 'file')).rejects.toMatchObject(REJECTION);
    });
  });

  describe('rejects with BAD_USER_INPUT and a message people understand', () => {
    it.each([
      ['an SVG with a script', samples.svgWithScript],
      ['an HTML page', samples.html],
      ['plain text', samples.plainText],
      ['a Windows executable', samples.exe],
      ['a ZIP archive', samples.zip],
      ['a compound file without a WordDocument stream (Excel 97-2003)', samples.xls],
      ['an empty file', () => Buffer.alloc(0)],
    ] as const)('%s', async (_name, sample) => {
      const path = await write(`rejected-${_name.replaceAll(/\W+/g, '-')}`, sample());
      await expect(detectAllowedFileType(path, 'file')).rejects.toMatchObject(REJECTION);
    });

    it('a compound file that is not readable beyond its signature', async () => {
      const broken = Buffer.concat([samples.doc().subarray(0, 8), Buffer.alloc(600, 0xff)]);
      const path = await write('broken.doc', broken);
      await expect(detectAllowedFileType(path, 'file')).rejects.toMatchObject(REJECTION);
    });
  });

  describe('the generated samples', () => {
    it('are what file-type says they are', async () => {
      expect(await fileTypeFromBuffer(samples.docx())).toMatchObject({ ext: 'docx' });
      expect(await fileTypeFromBuffer(samples.doc())).toMatchObject({ mime: 'application/x-cfb' });
      expect(await fileTypeFromBuffer(samples.xls())).toMatchObject({ mime: 'application/x-cfb' });
      expect(await fileTypeFromBuffer(samples.exe())).toMatchObject({ mime: 'application/x-msdownload' });
      expect(await fileTypeFromBuffer(samples.zip())).toMatchObject({ mime: 'application/zip' });
      expect(await fileTypeFromBuffer(samples.heicHeader())).toMatchObject({ mime: 'image/heic' });
    });
  });
});
