/**
 * The gateway's attachment rules (README "Attachments"), checked before uploading so a
 * refused file gets a clear reason at once instead of after a 10 MB upload. The gateway
 * decides by content; this check goes by the browser's type and is only a courtesy.
 */
import type { Translate } from '../i18n/dashboard-keys.js';

export const MAX_FILES_PER_MESSAGE = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ALLOWED_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);
const ALLOWED_EXTENSIONS = /\.(jpe?g|png|gif|webp|heic|heif|pdf|docx?)$/i;

export const ACCEPT_ATTRIBUTE = [...ALLOWED_TYPES, '.heic', '.doc', '.docx'].join(',');

/** Why a file can't be attached, or null when it can. */
export function refusalReason(file: File, t: Translate): string | null {
  const typeAllowed = file.type ? ALLOWED_TYPES.has(file.type) : ALLOWED_EXTENSIONS.test(file.name);
  if (!typeAllowed) return t('fileWrongType', { name: file.name });
  if (file.size > MAX_FILE_BYTES) return t('fileTooLarge', { name: file.name });
  if (file.size === 0) return t('fileEmpty', { name: file.name });
  return null;
}

/** Splits dropped or pasted files into the ones to attach and the reasons for the rest. */
export function acceptFiles(current: File[], incoming: File[], t: Translate): { files: File[]; errors: string[] } {
  const files = [...current];
  const errors: string[] = [];
  for (const file of incoming) {
    const reason = refusalReason(file, t);
    if (reason) errors.push(reason);
    else if (files.length >= MAX_FILES_PER_MESSAGE) errors.push(t('fileTooMany', { name: file.name, max: MAX_FILES_PER_MESSAGE }));
    else files.push(file);
  }
  return { files, errors };
}
