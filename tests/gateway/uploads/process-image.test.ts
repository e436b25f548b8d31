import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import type { AllowedFileType } from '../../../gateway/uploads/detect-file-type.js';
import { processImage } from '../../../gateway/uploads/process-image.js';
import * as samples from '../../fixtures/sample-files.js';
import { useTemporaryDirectory } from '../../support/temporary-directory.js';

const JPEG: AllowedFileType = { mime: 'image/jpeg', extension: 'jpg', isImage: true };
const PNG: AllowedFileType = { mime: 'image/png', extension: 'png', isImage: true };
const GIF: AllowedFileType = { mime: 'image/gif', extension: 'gif', isImage: true };
const WEBP: AllowedFileType = { mime: 'image/webp', extension: 'webp', isImage: true };
const HEIC: AllowedFileType = { mime: 'image/heic', extension: 'heic', isImage: true };

const UNREADABLE = {
  message: 'This image could not be read. Please send it as a JPEG or PNG photo.',
  extensions: { code: 'BAD_USER_INPUT', field: 'file' },
};

describe('processImage', () => {
  const { write } = useTemporaryDirectory('counterchat-process-');

  const expectThumbnail = async (thumbnail: Buffer) => {
    const metadata = await sharp(thumbnail).metadata();
    expect(metadata.format).toBe('webp');
    expect(metadata.width).toBeLessThanOrEqual(320);
    expect(metadata.height).toBeLessThanOrEqual(320);
    return metadata;
  };

  describe('a JPEG with GPS position and rotation in its EXIF', () => {
    it('has EXIF with GPS to begin with', async () => {
      const metadata = await sharp(await samples.jpegWithGps()).metadata();
      expect(metadata.exif).toBeDefined();
      expect(metadata.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true); // GPSInfo tag 0x8825, little-endian
      expect(metadata.xmp).toBeDefined();
      expect(metadata.orientation).toBe(6);
    });

    it('comes out as a JPEG without any EXIF, XMP or IPTC', async () => {
      const processed = await processImage(await write('gps.jpg', await samples.jpegWithGps()), JPEG, 'file');
      const metadata = await sharp(processed!.data).metadata();
      expect(processed!.mime).toBe('image/jpeg');
      expect(metadata.format).toBe('jpeg');
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.iptc).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
    });

    it('is turned upright, so width and height swap', async () => {
      const processed = await processImage(await write('upright.jpg', await samples.jpegWithGps()), JPEG, 'file');
      const { width, height } = samples.JPEG_WITH_GPS_SIZE;
      expect({ width: processed!.width, height: processed!.height }).toEqual({ width: height, height: width });
      const metadata = await sharp(processed!.data).metadata();
      expect({ width: metadata.width, height: metadata.height }).toEqual({ width: height, height: width });
    });

    it('gets an upright WebP thumbnail without metadata that is not enlarged', async () => {
      const processed = await processImage(await write('thumb.jpg', await samples.jpegWithGps()), JPEG, 'file');
      const thumbnail = await expectThumbnail(processed!.thumbnail);
      expect({ width: thumbnail.width, height: thumbnail.height }).toEqual({ width: 48, height: 64 });
      expect(thumbnail.exif).toBeUndefined();
    });
  });

  it('shrinks the thumbnail of a large photo to fit within 320×320', async () => {
    const large = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const processed = await processImage(await write('large.jpg', large), JPEG, 'file');
    expect({ width: processed!.width, height: processed!.height }).toEqual({ width: 1600, height: 900 });
    const thumbnail = await expectThumbnail(processed!.thumbnail);
    expect({ width: thumbnail.width, height: thumbnail.height }).toEqual({ width: 320, height: 180 });
  });

  it('keeps a PNG a PNG, with its transparency but without its XMP', async () => {
    const original = await samples.png();
    expect((await sharp(original).metadata()).xmp).toBeDefined();
    const processed = await processImage(await write('sample.png', original), PNG, 'file');
    const metadata = await sharp(processed!.data).metadata();
    expect(processed).toMatchObject({ mime: 'image/png', width: 40, height: 30 });
    expect(metadata).toMatchObject({ format: 'png', hasAlpha: true });
    expect(metadata.xmp).toBeUndefined();
    await expectThumbnail(processed!.thumbnail);
  });

  it('keeps a WebP a WebP', async () => {
    const processed = await processImage(await write('sample.webp', await samples.webp()), WEBP, 'file');
    expect(processed).toMatchObject({ mime: 'image/webp', width: 50, height: 40 });
    expect((await sharp(processed!.data).metadata()).format).toBe('webp');
    await expectThumbnail(processed!.thumbnail);
  });

  it('keeps an animated GIF animated, reporting the size of one frame', async () => {
    const processed = await processImage(await write('sample.gif', await samples.gif()), GIF, 'file');
    expect(processed).toMatchObject({ mime: 'image/gif', width: 30, height: 20 });
    const metadata = await sharp(processed!.data).metadata();
    expect(metadata).toMatchObject({ format: 'gif', pages: 2 });
    const thumbnail = await expectThumbnail(processed!.thumbnail);
    expect(thumbnail.pages ?? 1).toBe(1);
  });

  it('rejects a pixel flood with BAD_USER_INPUT before decoding it', async () => {
    const flood = samples.pixelFlood();
    expect(flood.length).toBeLessThan(100 * 1024);
    expect(await sharp(flood).metadata()).toMatchObject({ format: 'png', ...samples.PIXEL_FLOOD_SIZE });
    await expect(processImage(await write('flood.png', flood), PNG, 'file')).rejects.toMatchObject(UNREADABLE);
  });

  it('rejects a corrupt image with BAD_USER_INPUT', async () => {
    const truncated = (await samples.jpegWithGps()).subarray(0, 200);
    await expect(processImage(await write('truncated.jpg', truncated), JPEG, 'file')).rejects.toMatchObject(UNREADABLE);
  });

  it('returns null for a HEIC photo this build cannot decode, so it is stored as it came', async () => {
    await expect(processImage(await write('photo.heic', samples.heic()), HEIC, 'file')).resolves.toBeNull();
  });

  it('rejects a HEIC that is only a header with BAD_USER_INPUT, as it is corrupt rather than undecodable', async () => {
    await expect(processImage(await write('header.heic', samples.heicHeader()), HEIC, 'file')).rejects.toMatchObject(UNREADABLE);
  });
});
