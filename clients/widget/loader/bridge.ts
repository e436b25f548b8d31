import { isWidgetMessage, WidgetEvent, type WidgetEventName, type WidgetMessage, type WidgetPayloads } from '../protocol/widget-protocol.js';

/** What the loader does when the app says something: one handler per event, nothing else is read. */
export type AppEventHandlers = { [E in WidgetEventName]?: (payload: WidgetPayloads[E]) => void };

/** The app's window, as far as the bridge uses it. */
export interface AppWindow {
  postMessage(message: WidgetMessage, targetOrigin: string): void;
}

/** What the bridge reads of a `message` event. */
type IncomingMessage = { data: unknown; origin: string; source: unknown };

export interface BridgeOptions {
  /** The store page's window, where the app's messages arrive. */
  page: EventTarget;
  /** The gateway's origin: only messages from it are read, and ours go only to it. */
  appOrigin: string;
  /** The app's window, once the frame exists. */
  target(): AppWindow | null | undefined;
  /** What the app is told first when it says it is ready, before anything that waited for it. */
  greeting(): WidgetMessage[];
  handlers: AppEventHandlers;
}

export interface Bridge {
  /** Sends to the app now if it has said it is ready, else as soon as it does. */
  post<E extends WidgetEventName>(type: E, payload: WidgetPayloads[E]): void;
}

/**
 * The loader's side of the postMessage protocol: messages to the app wait until it is
 * ready, and messages from it are read only from our own iframe, from the gateway's origin.
 */
export function createBridge(options: BridgeOptions): Bridge {
  let ready = false;
  const outbox: WidgetMessage[] = [];

  options.page.addEventListener('message', (event) => {
    const { data, origin, source } = event as Event & IncomingMessage;
    const target = options.target();
    if (!target || source !== target || origin !== options.appOrigin || !isWidgetMessage(data)) return;
    const { type, payload } = data;
    if (type === WidgetEvent.Ready) {
      ready = true;
      for (const message of [...options.greeting(), ...outbox.splice(0)]) target.postMessage(message, options.appOrigin);
      return;
    }
    (options.handlers[type] as ((payload: unknown) => void) | undefined)?.(payload);
  });

  return {
    post(type, payload) {
      const target = options.target();
      if (ready && target) target.postMessage({ type, payload }, options.appOrigin);
      else outbox.push({ type, payload } as WidgetMessage);
    },
  };
}
