import { isWidgetMessage, type WidgetEventName, type WidgetMessage, type WidgetPayloads } from '../../protocol/widget-protocol.js';

/** The app's side of the postMessage protocol: talks only to the page that embeds it, at the origin the loader named. */
export interface HostBridge {
  /** Running inside the store's iframe (false: the chat link opened on its own page). */
  embedded: boolean;
  send<E extends WidgetEventName>(type: E, payload: WidgetPayloads[E]): void;
  /** Returns an unsubscribe. */
  listen(handler: (message: WidgetMessage) => void): () => void;
}

export function connectToHost(hostOrigin: string | null): HostBridge {
  const embedded = window.parent !== window && hostOrigin !== null;
  return {
    embedded,
    send(type, payload) {
      if (embedded) window.parent.postMessage({ type, payload }, hostOrigin!);
    },
    listen(handler) {
      if (!embedded) return () => {};
      const onMessage = (event: MessageEvent) => {
        if (event.source !== window.parent || event.origin !== hostOrigin || !isWidgetMessage(event.data)) return;
        handler(event.data);
      };
      window.addEventListener('message', onMessage);
      return () => window.removeEventListener('message', onMessage);
    },
  };
}

/** `?host=` as the loader set it, only if it is a plain http(s) origin. */
export function hostOriginFrom(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value ? url.origin : null;
  } catch {
    return null;
  }
}
