import { useEffect, useState } from 'react';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';

/** "Reconnecting…" while the socket is down; "Back online" briefly once it is up and has caught up. */
export function ReconnectBanner() {
  const { connection, online, reconnects } = useWidget();
  const t = useStrings();
  const [justBack, setJustBack] = useState(false);
  useEffect(() => {
    if (reconnects === 0) return;
    setJustBack(true);
    const timer = setTimeout(() => setJustBack(false), 2500);
    return () => clearTimeout(timer);
  }, [reconnects]);
  const down = !online || connection === 'offline';
  const text = !online ? t('offline') : connection === 'offline' ? t('reconnecting') : justBack ? t('reconnected') : null;
  return (
    <div className={text ? `cc-banner${down ? ' cc-banner-offline' : ''}` : 'cc-banner-empty'} role="status" aria-live="polite">
      {text}
    </div>
  );
}
