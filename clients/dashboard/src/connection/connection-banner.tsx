import { useStrings } from '../i18n/dashboard-i18n.js';
import { useConnection } from './connection-context.js';
import { useBrowserOnline } from './use-browser-online.js';
import './connection-banner.css';

/**
 * Says so when live updates stop, in the header's free middle, so nothing on the page moves:
 * as soon as the browser says it is offline, and when the socket drops while it is online.
 */
export function ConnectionBanner() {
  const { state } = useConnection();
  const online = useBrowserOnline();
  const t = useStrings();
  const [lead, detail] = !online ? [t('offlineLead'), t('offlineDetail')] : state === 'offline' ? [t('reconnectingLead'), t('reconnectingDetail')] : [null, null];
  return (
    <div className="connection-banner" role="status" aria-live="polite">
      {lead && (
        <span className="connection-banner__pill">
          {lead}
          <span className="connection-banner__detail"> {detail}</span>
        </span>
      )}
    </div>
  );
}
