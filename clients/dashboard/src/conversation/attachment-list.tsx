import { useRef, useState } from 'react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useFormat } from '../format/dates.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { Icon } from '../icons.js';

export const AttachmentFields = graphql(`
  fragment AttachmentFields on Attachment {
    id
    fileName
    contentType
    byteSize
    isImage
    width
    height
    url
    thumbnailUrl
  }
`);

interface AttachmentListProps {
  attachments: FragmentType<typeof AttachmentFields>[];
  /** Signed links last 5 minutes; called when one stopped working so the thread refetches fresh ones. */
  onLinkExpired(): void;
}

export function AttachmentList(props: AttachmentListProps) {
  const attachments = props.attachments.map((a) => readFragment(AttachmentFields, a));
  const t = useStrings();
  const format = useFormat();
  // By id: a refetch after the signed links expire brings new URLs for the same attachment.
  const [enlargedId, setEnlargedId] = useState<string | null>(null);
  const enlarged = attachments.find((attachment) => attachment.id === enlargedId) ?? null;
  const dialog = useRef<HTMLDialogElement>(null);
  if (attachments.length === 0) return null;

  const open = (attachment: (typeof attachments)[number]) => {
    setEnlargedId(attachment.id);
    dialog.current?.showModal();
  };

  return (
    <div className="attachments">
      {attachments.map((attachment) =>
        attachment.isImage && attachment.thumbnailUrl ? (
          <button key={attachment.id} type="button" className="attachment-thumbnail" aria-label={t('enlarge', { name: attachment.fileName })} onClick={() => open(attachment)}>
            <img
              src={attachment.thumbnailUrl}
              alt={attachment.fileName}
              // Reserve the box before the image loads, so the thread does not jump.
              width={thumbnailSize(attachment).width}
              height={thumbnailSize(attachment).height}
              onError={props.onLinkExpired}
            />
          </button>
        ) : (
          <a key={attachment.id} className="file-chip" href={attachment.url} download={attachment.fileName} aria-label={t('downloadFile', { name: attachment.fileName })}>
            <Icon name="file" />
            <span className="file-chip__name">{attachment.fileName}</span>
            <span className="file-chip__size">{format.fileSize(attachment.byteSize)}</span>
          </a>
        ),
      )}
      <dialog ref={dialog} className="lightbox" aria-label={enlarged ? enlarged.fileName : t('image')} onClose={() => setEnlargedId(null)}>
        {enlarged && (
          <>
            <img src={enlarged.url} alt={enlarged.fileName} onError={props.onLinkExpired} />
            <div className="lightbox__bar">
              <span>{enlarged.fileName}</span>
              <a className="button" href={enlarged.url} download={enlarged.fileName}>
                {t('download')}
              </a>
              <button type="button" className="button" onClick={() => dialog.current?.close()}>
                {t('close')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </div>
  );
}

const MAX_THUMBNAIL = 200;
function thumbnailSize({ width, height }: { width?: number | null; height?: number | null }) {
  if (!width || !height) return { width: MAX_THUMBNAIL, height: MAX_THUMBNAIL };
  const scale = Math.min(1, MAX_THUMBNAIL / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
