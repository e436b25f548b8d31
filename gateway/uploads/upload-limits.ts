/** What one message may carry; the numbers people are told ("up to 10 MB") come from here. */
export const UPLOAD_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFilesPerMessage: 5,
  /** Non-file multipart fields (operations, map): a message body is at most 4,000 characters. */
  maxFieldBytes: 256 * 1024,
} as const;

export const ATTACHMENT_RULE_MESSAGE = 'Only photos, PDF and Word documents up to 10 MB can be attached.';
