import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** What the browser says about its network (`navigator.onLine`), known before any socket notices. */
export const useBrowserOnline = () => useSyncExternalStore(subscribe, () => navigator.onLine);
