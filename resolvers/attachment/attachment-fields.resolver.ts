import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Attachment } from '../../entities/attachment.entity.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { attachmentFileName } from '../../gateway/files/attachment-file-name.js';
import { AttachmentType } from './attachment.type.js';

/**
 * Download links are signed and short-lived (5 minutes), made only for attachments
 * the viewer could load through the tenant scope: whoever can't see the
 * conversation never gets a link, and a link can't be edited into another file's.
 */
@Resolver(() => AttachmentType)
export class AttachmentFieldsResolver {
  /** Passed through again on the way out: names stored before they were normalized at upload. */
  @FieldResolver(() => String)
  fileName(@Root() attachment: Attachment): string {
    return attachmentFileName(attachment.fileName, attachment.contentType);
  }

  @FieldResolver(() => String, { description: 'Signed download link, valid for 5 minutes.' })
  url(@Root() attachment: Attachment, @Ctx() context: RequestContext): string {
    return context.gateway.files.signer.url(attachment.id, 'original', attachmentFileName(attachment.fileName, attachment.contentType));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Signed link to a webp preview of at most 320 px; images only.' })
  thumbnailUrl(@Root() attachment: Attachment, @Ctx() context: RequestContext): string | null {
    return attachment.thumbnailStorageKey
      ? context.gateway.files.signer.url(attachment.id, 'thumbnail', attachmentFileName(attachment.fileName, attachment.contentType))
      : null;
  }

  @FieldResolver(() => Boolean, { description: 'Shown inline (photo) rather than as a file chip.' })
  isImage(@Root() attachment: Attachment): boolean {
    return attachment.contentType.startsWith('image/');
  }
}
