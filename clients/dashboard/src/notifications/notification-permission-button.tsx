import { useState } from 'react';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

/**
 * The one place the dashboard asks for the browser's permission to notify: a button the
 * staff member clicks (never on page load). Gone once granted; a hint once blocked.
 */
export function NotificationPermissionButton() {
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() => (supported() ? Notification.permission : 'unsupported'));
  if (permission === 'unsupported' || permission === 'granted') return null;
  if (permission === 'denied') {
    return (
      <span className="dashboard__notifications-blocked" title="This browser blocks notifications from Counterchat: allow them in the site settings (the icon left of the address).">
        Notifications blocked
      </span>
    );
  }
  return (
    <button type="button" className="button button--ghost" onClick={() => void Notification.requestPermission().then(setPermission)}>
      Turn on notifications
    </button>
  );
}
