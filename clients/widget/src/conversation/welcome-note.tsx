import { useStrings } from '../i18n/widget-i18n.js';

/** A new chat: the pharmacy's greeting and when it usually answers, instead of "No messages yet". */
export function WelcomeNote({ pharmacyName, replyTimeText }: { pharmacyName: string; replyTimeText: string | null }) {
  const t = useStrings();
  return (
    <li className="cc-welcome">
      <p className="cc-welcome-greeting">{t('greeting', { name: pharmacyName })}</p>
      {replyTimeText && <p className="cc-welcome-reply-time">{replyTimeText}</p>}
    </li>
  );
}
