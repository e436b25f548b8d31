import { usePendingSends, type PendingSend } from '../composer/pending-sends.js';
import { useFormat } from '../format/dates.js';
import { useStrings, type Translate } from '../i18n/dashboard-i18n.js';
import { Icon } from '../icons.js';
import { useBrowserOnline } from '../connection/use-browser-online.js';

/** A message the server has not confirmed yet: sending (with upload progress) or failed (with why). */
export function PendingBubble({ send }: { send: PendingSend }) {
  const { retry, discard } = usePendingSends();
  const failed = send.state === 'failed';
  const online = useBrowserOnline();
  const t = useStrings();
  const format = useFormat();
  return (
    <li className={`message message--staff message--pending${failed ? ' message--failed' : ''}`} aria-label={failed ? t('messageNotSent') : t('sendingMessage')}>
      <div className="message__bubble">
        {send.body && <p className="message__body">{send.body}</p>}
        {send.files.length > 0 && (
          <ul className="pending-files">
            {send.files.map((file, index) => (
              <li key={index} className="file-chip">
                <Icon name="attach" />
                <span className="file-chip__name">{file.name}</span>
                <span className="file-chip__size">{format.fileSize(file.size)}</span>
              </li>
            ))}
          </ul>
        )}
        {send.progress !== null && !failed && (
          <progress className="upload-progress" max={1} value={send.progress} aria-label={t('uploadProgress')}>
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
                  {t('retry')}
                </button>{' '}
              </>
            )}
            <button type="button" className="link-button" onClick={() => discard(send.clientMessageId)}>
              {t('discard')}
            </button>
          </span>
        ) : (
          <span>{pendingLabel(send, online, t)}</span>
        )}
      </div>
    </li>
  );
}

function pendingLabel(send: PendingSend, online: boolean, t: Translate): string {
  if (send.state === 'sent') return t('sent');
  if (send.state === 'queued') return online ? t('waitingToSend') : t('waitingForConnection');
  return send.progress !== null ? t('uploading', { percent: Math.round(send.progress * 100) }) : t('sending');
}
