import { useState } from 'react';
import { useStrings } from '../i18n/dashboard-i18n.js';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * The one place the dashboard asks for the browser's permission to notify: a button the
 * staff member clicks (never on page load). Gone once granted; a hint once blocked.
 */
export function NotificationPermissionButton() {
  const t = useStrings();
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() => (supported() ? Notification.permission : 'unsupported'));
  if (permission === 'unsupported' || permission === 'granted') return null;
  if (permission === 'denied') {
    return (
      <span className="dashboard__notifications-blocked" title={t('notifyBlockedHelp')}>
        {t('notifyBlocked')}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="button button--ghost dashboard__notify"
      aria-label={t('notifyTurnOn')}
      title={t('notifyTurnOn')}
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {/* At phone width only the bell shows: the header stays one row. */}
      <span className="dashboard__notify-icon" aria-hidden="true">
        🔔
      </span>
      <span className="dashboard__notify-label">{t('notifyTurnOn')}</span>
    </button>
  );
}
