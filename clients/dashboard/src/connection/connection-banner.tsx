import { useConnection } from './connection-context.js';
import './connection-banner.css';

/** Says so when live updates stop, in the header's free middle, so nothing on the page moves. */
export function ConnectionBanner() {
  const { state } = useConnection();
  return (
    <div className="connection-banner" role="status" aria-live="polite">
      {state === 'offline' && (
        <span className="connection-banner__pill">
          Connection lost. Reconnecting…<span className="connection-banner__detail"> Messages sent meanwhile will appear when it is back.</span>
        </span>
      )}
    </div>
  );
}
