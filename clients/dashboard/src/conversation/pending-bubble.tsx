import { usePendingSends, type PendingSend } from '../composer/pending-sends.js';
import { fileSize } from '../format/time.js';
import { Icon } from '../icons.js';
import { useBrowserOnline } from '../connection/use-browser-online.js';

/** A message the server has not confirmed yet: sending (with upload progress) or failed (with why). */
export function PendingBubble({ send }: { send: PendingSend }) {
  const { retry, discard } = usePendingSends();
  const failed = send.state === 'failed';
  const online = useBrowserOnline();
  return (
    <li className={`message message--staff message--pending${failed ? ' message--failed' : ''}`} aria-label={failed ? 'Message not sent' : 'Sending message'}>
      <div className="message__bubble">
        {send.body && <p className="message__body">{send.body}</p>}
        {send.files.length > 0 && (
          <ul className="pending-files">
            {send.files.map((file, index) => (
              <li key={index} className="file-chip">
                <Icon name="attach" />
                <span className="file-chip__name">{file.name}</span>
                <span className="file-chip__size">{fileSize(file.size)}</span>
              </li>
            ))}
          </ul>
        )}
        {send.progress !== null && !failed && (
          <progress className="upload-progress" max={1} value={send.progress} aria-label="Upload progress">
            {Math.round(send.progress * 100)}%
          </progress>
        )}
      </div>
      <div className="message__footer">
        {failed ? (
          <span className="message__error" role="alert">
            {send.error}{' '}
            {send.retryable && (
              <>
                <button type="button" className="link-button" onClick={() => retry(send.clientMessageId)}>
                  Retry
                </button>{' '}
              </>
            )}
            <button type="button" className="link-button" onClick={() => discard(send.clientMessageId)}>
              Discard
            </button>
          </span>
        ) : (
          <span>{pendingLabel(send, online)}</span>
        )}
      </div>
    </li>
  );
}

function pendingLabel(send: PendingSend, online: boolean): string {
  if (send.state === 'sent') return 'Sent';
  if (send.state === 'queued') return online ? 'Waiting to send…' : 'Waiting for the connection…';
  return send.progress !== null ? `Uploading ${Math.round(send.progress * 100)}%…` : 'Sending…';
}
