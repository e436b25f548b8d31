import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createBridge, type BridgeOptions } from '../../../../clients/widget/loader/bridge.js';
import { WidgetEvent, type WidgetMessage } from '../../../../clients/widget/protocol/widget-protocol.js';

const APP_ORIGIN = 'https://chat.example.test';

/** The store page's window (only its message events matter here) and the app's, which records what it is sent. */
let page: EventTarget;
let app: { postMessage: jest.Mock };
beforeEach(() => {
  page = new EventTarget();
  app = { postMessage: jest.fn() };
});

const fromApp = (data: unknown, { origin = APP_ORIGIN, source = app as unknown } = {}) =>
  page.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }));
const sent = () => app.postMessage.mock.calls.map(([message, origin]) => ({ ...(message as WidgetMessage), origin }));
const init: WidgetMessage = { type: WidgetEvent.Init, payload: { lang: 'nl', chatToken: null, visitThreadId: null } };

function bridge(options: Partial<BridgeOptions> = {}) {
  return createBridge({ page, appOrigin: APP_ORIGIN, target: () => app, greeting: () => [init], handlers: {}, ...options });
}

describe('the loader bridge', () => {
  it('holds messages until the app is ready, then greets it first and sends them in order', () => {
    const loader = bridge();
    loader.post(WidgetEvent.Opened, {});
    loader.post(WidgetEvent.Identify, { externalId: 'c-1', name: 'Vera', issuedAt: 1, nonce: 'n', signature: 's' });
    expect(app.postMessage).not.toHaveBeenCalled();

    fromApp({ type: WidgetEvent.Ready, payload: {} });
    expect(sent().map((message) => message.type)).toEqual([WidgetEvent.Init, WidgetEvent.Opened, WidgetEvent.Identify]);
    expect(sent().every((message) => message.origin === APP_ORIGIN)).toBe(true);
  });

  it('sends at once after the app is ready, and greets it again when it restarts', () => {
    const loader = bridge();
    fromApp({ type: WidgetEvent.Ready, payload: {} });
    loader.post(WidgetEvent.Closed, {});
    fromApp({ type: WidgetEvent.Ready, payload: {} });
    expect(sent().map((message) => message.type)).toEqual([WidgetEvent.Init, WidgetEvent.Closed, WidgetEvent.Init]);
  });

  it('gives each app event to its handler', () => {
    const unread = jest.fn();
    const requestClose = jest.fn();
    bridge({ handlers: { [WidgetEvent.Unread]: unread, [WidgetEvent.RequestClose]: requestClose } });
    fromApp({ type: WidgetEvent.Unread, payload: { count: 3 } });
    fromApp({ type: WidgetEvent.RequestClose, payload: {} });
    fromApp({ type: WidgetEvent.Brand, payload: { primaryColor: '#112233', name: 'Apotheek' } });
    expect(unread).toHaveBeenCalledWith({ count: 3 });
    expect(requestClose).toHaveBeenCalledTimes(1);
  });

  it('reads nothing from another window, another origin, another protocol version or before the frame exists', () => {
    const unread = jest.fn();
    let frameExists = false;
    const loader = bridge({ target: () => (frameExists ? app : undefined), handlers: { [WidgetEvent.Unread]: unread } });
    const message = { type: WidgetEvent.Unread, payload: { count: 1 } };

    fromApp(message);
    frameExists = true;
    fromApp(message, { source: { postMessage() {} } });
    fromApp(message, { origin: 'https://evil.example.test' });
    fromApp({ type: 'counterchat:v0:unread', payload: { count: 1 } });
    fromApp({ type: WidgetEvent.Unread });
    fromApp('counterchat:v1:ready');
    // Not ready either: a forged "ready" from elsewhere must not release what waits for the app.
    fromApp({ type: WidgetEvent.Ready, payload: {} }, { origin: 'https://evil.example.test' });
    loader.post(WidgetEvent.Opened, {});

    expect(unread).not.toHaveBeenCalled();
    expect(app.postMessage).not.toHaveBeenCalled();
  });
});
