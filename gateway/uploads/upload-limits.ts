/** What one message may carry; the numbers people are told ("up to 10 MB") come from here. */
export const UPLOAD_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFilesPerMessage: 5,
  /** Non-file multipart fields (operations, map): a message body is at most 4,000 characters. */
  maxFieldBytes: 256 * 1024,
} as const;

const BYTES_PER_MB = 1024 * 1024;

/** The one sentence a person reads when a file is refused, for its type or its size. */
export function attachmentRuleMessage(maxBytes: number = UPLOAD_LIMITS.maxFileBytes): string {
  const megabytes = Math.round((maxBytes / BYTES_PER_MB) * 10) / 10;
  return `Only photos, PDF and Word documents up to ${megabytes} MB can be attached.`;
}
