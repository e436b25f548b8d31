import { useConnection } from './connection-context.js';
import './connection-banner.css';

/** Says so when live updates stop; the space is always reserved, so nothing below jumps. */
export function ConnectionBanner() {
  const { state } = useConnection();
  const offline = state === 'offline';
  return (
    <div className={`connection-banner${offline ? ' connection-banner--offline' : ''}`} role="status" aria-live="polite">
      {offline ? 'Connection lost. Reconnecting… Messages sent to you meanwhile will appear when it is back.' : ''}
    </div>
  );
}
