import { useStrings } from '../i18n/widget-i18n.js';

export interface PendingMessage {
  clientMessageId: string;
  body: string;
  files: File[];
  status: 'sending' | 'failed';
  /** Upload progress 0…1 while files go up. */
  progress?: number;
}

/** A message on its way (or refused by the network): shown at once, replaced when the server has it. */
export function PendingBubble({ message, onRetry }: { message: PendingMessage; onRetry(): void }) {
  const t = useStrings();
  return (
    <li className="cc-message cc-own cc-pending">
      <div className="cc-bubble">
        {message.body && <p className="cc-body">{message.body}</p>}
        {message.files.map((file, index) => (
          <span key={index} className="cc-file">
            📎 {file.name}
          </span>
        ))}
        {message.progress !== undefined && message.status === 'sending' && <progress max={1} value={message.progress} aria-label={t('sending')} />}
      </div>
      {message.status === 'failed' ? (
        <button type="button" className="cc-retry" onClick={onRetry}>
          {t('failed')}
        </button>
      ) : (
        <span className="cc-time">{t('sending')}</span>
      )}
    </li>
  );
}
