import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Attachment } from '../../entities/attachment.entity.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { attachmentFileName } from '../../gateway/files/attachment-file-name.js';
import type { RevivedAttachment } from '../../gateway/pubsub/published-relations.js';
import { AttachmentType } from './attachment.type.js';

/**
 * Download links are signed and short-lived (5 minutes), made only for attachments
 * the viewer could load through the tenant scope: whoever can't see the
 * conversation never gets a link, and a link can't be edited into another file's. A live
 * event's attachments (RevivedAttachment) carry their metadata, not where they are stored.
 */
@Resolver(() => AttachmentType)
export class AttachmentFieldsResolver {
  /** Passed through again on the way out: names stored before they were normalized at upload. */
  @FieldResolver(() => String)
  fileName(@Root() attachment: Attachment | RevivedAttachment): string {
    return attachmentFileName(attachment.fileName, attachment.contentType);
  }

  @FieldResolver(() => String, { description: 'Signed download link, valid for 5 minutes.' })
  url(@Root() attachment: Attachment | RevivedAttachment, @Ctx() context: RequestContext): string {
    return context.gateway.files.signer.url(attachment.id, 'original', attachmentFileName(attachment.fileName, attachment.contentType));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Signed link to a webp preview of at most 320 px; images only.' })
  thumbnailUrl(@Root() attachment: Attachment | RevivedAttachment, @Ctx() context: RequestContext): string | null {
    const hasThumbnail = 'hasThumbnail' in attachment ? attachment.hasThumbnail : Boolean(attachment.thumbnailStorageKey);
    return hasThumbnail
      ? context.gateway.files.signer.url(attachment.id, 'thumbnail', attachmentFileName(attachment.fileName, attachment.contentType))
      : null;
  }

  @FieldResolver(() => Boolean, { description: 'Shown inline (photo) rather than as a file chip.' })
  isImage(@Root() attachment: Attachment | RevivedAttachment): boolean {
    return attachment.contentType.startsWith('image/');
  }
}
