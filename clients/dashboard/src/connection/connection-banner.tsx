import { useConnection } from './connection-context.js';
import { useBrowserOnline } from './use-browser-online.js';
import './connection-banner.css';

/** Says so when live updates stop, in the header's free middle, so nothing on the page moves. */
export function ConnectionBanner() {
  const { state } = useConnection();
  const online = useBrowserOnline();
  return (
    <div className="connection-banner" role="status" aria-live="polite">
      {!online ? (
        <span className="connection-banner__pill">
          You are offline.<span className="connection-banner__detail"> Messages you write are sent when the network is back.</span>
        </span>
      ) : state === 'offline' && (
        <span className="connection-banner__pill">
          Connection lost. Reconnecting…<span className="connection-banner__detail"> Messages sent meanwhile will appear when it is back.</span>
        </span>
      )}
    </div>
  );
}
