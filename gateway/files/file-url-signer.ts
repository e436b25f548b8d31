import { createHmac, timingSafeEqual } from 'node:crypto';
import { forbidden } from '../errors/domain-error.js';

export type FileVariant = 'original' | 'thumbnail';

export interface SignedFile {
  attachmentId: string;
  variant: FileVariant;
}

/** Long enough to open or download a file, short enough that a leaked link soon stops working. */
export const FILE_URL_TTL_SECONDS = 300;

// Its own key, derived from the app secret: a file link can never pass as any other signed thing.
const KEY_LABEL = 'counterchat:file-urls';
const VARIANTS: readonly FileVariant[] = ['original', 'thumbnail'];

/** What the token's first part encodes; short names keep URLs short. */
interface FileLinkPayload {
  /** Attachment id. */
  a: string;
  v: FileVariant;
  /** Expiry, epoch seconds. */
  e: number;
}

/**
 * Signs and checks short-lived file links. Browsers fetch files with plain GETs
 * (an <img>, a download) that carry no Authorization header, so the link itself is
 * the permission: whoever resolved the attachment through GraphQL was authorized then.
 *
 * Token: base64url(JSON payload) "." base64url(HMAC-SHA256 of that first part).
 */
export class FileUrlSigner {
  private readonly key: Buffer;
  private readonly publicUrl: string;

  constructor(secret: string, publicUrl: string) {
    this.key = createHmac('sha256', secret).update(KEY_LABEL).digest();
    this.publicUrl = publicUrl.replace(/\/+$/, '');
  }

  /** The trailing file name only makes downloads and the address bar readable; `verify` ignores it. */
  url(attachmentId: string, variant: FileVariant, fileName: string, ttlSeconds = FILE_URL_TTL_SECONDS): string {
    const payload: FileLinkPayload = { a: attachmentId, v: variant, e: nowInSeconds() + ttlSeconds };
    const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${this.publicUrl}/files/${encoded}.${this.sign(encoded)}/${encodeURIComponent(fileName)}`;
  }

  /** The file a token grants; FORBIDDEN when it is tampered, malformed or expired. */
  verify(token: string): SignedFile {
    const parts = token.split('.');
    if (parts.length !== 2) throw invalidLink();
    const [encoded, signature] = parts;
    // Compares the text, not decoded bytes: Node's base64url decoder ignores stray
    // characters and trailing bits, so two different signatures could decode alike.
    const expected = Buffer.from(this.sign(encoded));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidLink();

    const payload = parsePayload(encoded);
    if (!payload) throw invalidLink();
    if (payload.e <= nowInSeconds()) {
      throw forbidden('This file link has expired. Open the conversation again to get a new one.');
    }
    return { attachmentId: payload.a, variant: payload.v };
  }

  private sign(encodedPayload: string): string {
    return createHmac('sha256', this.key).update(encodedPayload).digest('base64url');
  }
}

/** Only reached for a correctly signed token, so a bad shape here means a bug in `url`, handled the same way. */
function parsePayload(encoded: string): FileLinkPayload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { a, v, e } = value as Record<string, unknown>;
  if (typeof a !== 'string' || a === '' || !VARIANTS.includes(v as FileVariant) || typeof e !== 'number' || !Number.isFinite(e)) {
    return undefined;
  }
  return { a, v: v as FileVariant, e };
}

const invalidLink = () => forbidden('This file link is not valid.');

const nowInSeconds = () => Math.floor(Date.now() / 1000);
