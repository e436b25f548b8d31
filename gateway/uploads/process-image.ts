import sharp, { type Sharp } from 'sharp';
import { badUserInput } from '../errors/domain-error.js';
import type { AllowedFileType } from './detect-file-type.js';

/** A photo re-encoded without any metadata, ready to store in place of the upload. */
export interface ProcessedImage {
  data: Buffer;
  mime: string;
  width: number;
  height: number;
  /** `image/webp`, within 320×320, never enlarged, first frame only. */
  thumbnail: Buffer;
}

/**
 * Refuses to decode more pixels than this (all frames of an animation together),
 * so a tiny file declaring a huge canvas cannot exhaust memory. 40 MP is above any
 * phone camera's still photo.
 */
const MAX_INPUT_PIXELS = 40_000_000;
const THUMBNAIL_SIZE = 320;

/**
 * Libheif's "no decoder for this codec" failures. This build of libvips reads
 * AVIF but not HEVC, so an iPhone HEIC ends here; a build that can decode HEVC
 * never throws this and the photo is re-encoded like any other.
 */
const NO_DECODER = /not been built in|unsupported codec|no decoder|decoder plugin/i;

/**
 * Re-encodes a photo so everything but the pixels is dropped: EXIF (GPS position,
 * camera serial, timestamps), XMP, IPTC and comments. sharp writes no metadata
 * unless `keepMetadata`/`withMetadata` is called, and neither is used here. The
 * EXIF orientation is applied to the pixels first so the photo still looks upright.
 *
 * Animated GIF and WebP keep their animation; the thumbnail shows the first frame.
 *
 * Returns `null` for HEIC this server cannot decode: the caller stores it as it
 * came, metadata included, since nothing here can rewrite it.
 */
export async function processImage(path: string, type: AllowedFileType, field: string): Promise<ProcessedImage | null> {
  const animated = type.mime === 'image/gif' || type.mime === 'image/webp';
  try {
    const { image, mime } = encode(sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, animated }).rotate(), type.mime);
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(path, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    // For an animation `info.height` is every frame stacked; one frame is what people see.
    return { data, mime, width: info.width, height: info.pageHeight ?? info.height, thumbnail };
  } catch (error) {
    if (type.mime === 'image/heic' && error instanceof Error && NO_DECODER.test(error.message)) return null;
    throw badUserInput(field, 'This image could not be read. Please send it as a JPEG or PNG photo.');
  }
}

/** Keeps the uploaded format, so a PNG screenshot stays sharp and a GIF keeps moving. */
function encode(image: Sharp, mime: string): { image: Sharp; mime: string } {
  switch (mime) {
    case 'image/png':
      return { image: image.png(), mime };
    case 'image/gif':
      return { image: image.gif(), mime };
    case 'image/webp':
      return { image: image.webp({ quality: 85 }), mime };
    default:
      // JPEG, and HEIC once a libvips with HEVC decodes it: JPEG is what every client can show.
      return { image: image.jpeg({ quality: 85 }), mime: 'image/jpeg' };
  }
}
