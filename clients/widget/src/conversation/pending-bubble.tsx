import type { OutboxItem } from '../../../shared/messages/outbox.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';
import type { Draft } from './use-outbox.js';

/** A message on its way (or waiting for the network): shown at once, replaced when the server has it. */
export function PendingBubble({ message, progress, onRetry }: { message: OutboxItem<Draft>; progress?: number; onRetry(): void }) {
  const t = useStrings();
  const { online } = useWidget();
  const { body, files } = message.payload;
  return (
    <li className="cc-message cc-own cc-pending" data-client-message-id={message.clientMessageId}>
      <div className="cc-bubble">
        {body && <p className="cc-body">{body}</p>}
        {files.map((file, index) => (
          <span key={index} className="cc-file">
            📎 {file.name}
          </span>
        ))}
        {progress !== undefined && message.status === 'sending' && <progress max={1} value={progress} aria-label={t('sending')} />}
      </div>
      {message.status === 'failed' ? (
        <button type="button" className="cc-retry" onClick={onRetry}>
          {t('failed')}
        </button>
      ) : (
        <span className="cc-time">{message.status === 'queued' && !online ? t('waitingForNetwork') : t('sending')}</span>
      )}
    </li>
  );
}
