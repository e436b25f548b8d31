import CFB from 'cfb';
import { fileTypeFromFile } from 'file-type';
import { readFile } from 'node:fs/promises';
import { attachmentRuleMessage } from './upload-limits.js';
import { badUserInput } from '../errors/domain-error.js';

/** What an upload really is, judged from its bytes alone. */
export interface AllowedFileType {
  mime: string;
  extension: string;
  /** Photos go through `processImage`; documents are stored as they are. */
  isImage: boolean;
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Keyed by the MIME type `file-type` reports; the value is what we store and serve. */
const ALLOWED: ReadonlyMap<string, AllowedFileType> = new Map([
  ['image/jpeg', { mime: 'image/jpeg', extension: 'jpg', isImage: true }],
  ['image/png', { mime: 'image/png', extension: 'png', isImage: true }],
  ['image/gif', { mime: 'image/gif', extension: 'gif', isImage: true }],
  ['image/webp', { mime: 'image/webp', extension: 'webp', isImage: true }],
  ['image/heic', { mime: 'image/heic', extension: 'heic', isImage: true }],
  // `mif1`-branded files (what many phones write) are reported as HEIF; to people they are the same HEIC photo.
  ['image/heif', { mime: 'image/heic', extension: 'heic', isImage: true }],
  ['application/pdf', { mime: 'application/pdf', extension: 'pdf', isImage: false }],
  [DOCX_MIME, { mime: DOCX_MIME, extension: 'docx', isImage: false }],
]);

const WORD_97 = { mime: 'application/msword', extension: 'doc', isImage: false } as const satisfies AllowedFileType;

/**
 * Detects the type of an uploaded file from its magic bytes and accepts only
 * photos, PDF and Word documents. The declared MIME type and the file name are
 * never consulted: both are chosen by the client.
 */
export async function detectAllowedFileType(path: string, field: string): Promise<AllowedFileType> {
  const detected = await fileTypeFromFile(path);
  const allowed = detected && ALLOWED.get(detected.mime);
  if (allowed) return { ...allowed };
  // Word 97-2003, Excel, PowerPoint, Outlook messages and encrypted Office files
  // all share the OLE compound-file container; only its directory tells them apart.
  if (detected?.mime === 'application/x-cfb' && (await isWordCompoundFile(path))) return { ...WORD_97 };
  throw badUserInput(field, attachmentRuleMessage());
}

async function isWordCompoundFile(path: string): Promise<boolean> {
  try {
    const container = CFB.read(await readFile(path), { type: 'buffer' });
    // A leading slash pins the match to the root storage, so a Word file embedded
    // inside some other compound document does not pass for one.
    const entry = CFB.find(container, '/WordDocument');
    return entry !== null && entry.type === 2; // 2: stream
  } catch {
    return false; // a corrupt directory is not a Word document
  }
}
