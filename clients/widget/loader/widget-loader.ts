import { CHAT_TOKEN_PARAM, WidgetEvent, type SignedIdentity, type WidgetMessage } from '../protocol/widget-protocol.js';
import { launcherStringsFor } from '../src/i18n/launcher-strings.js';
import { createBridge } from './bridge.js';
import { createCommandQueue, queuedCommands, type CounterchatApi } from './command-queue.js';
import { createChatFrame } from './frame.js';
import { createLauncher } from './launcher.js';
import { isReturningVisitor, rememberSession, rememberVisitThread, visitThread } from './visitor-storage.js';

/**
 * `/widget.js`: the one line a store pastes. It draws the launcher (`launcher.ts`),
 * creates the chat iframe (`frame.ts`; on first open, or early when the visitor already
 * has a chat), talks to the app in it (`bridge.ts`) and exposes `window.Counterchat`
 * (`command-queue.ts`). It never sees a customer token: the app keeps that in its own
 * origin, and this file only passes on a chat link's token it finds in the page URL.
 */
declare global {
  interface Window {
    Counterchat?: CounterchatApi;
  }
}

function start(): void {
  if (window.Counterchat && 'open' in window.Counterchat) return; // pasted twice
  const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="/widget.js"][data-org]');
  const org = script?.dataset.org;
  if (!script || !org) {
    console.warn('Counterchat: add data-org="<your pharmacy slug>" to the widget script tag.');
    return;
  }
  const appOrigin = new URL(script.src, location.href).origin;
  const lang = document.documentElement.lang || navigator.language || 'en';
  const strings = launcherStringsFor(lang);
  const chatToken = takeChatTokenFromUrl();

  let isOpen = false;
  let unread = 0;
  const launcher = createLauncher(strings, () => (isOpen ? close() : open()));
  const frame = createChatFrame({ appOrigin, org, lang, title: strings.openChat, container: launcher.container });
  const redraw = () => launcher.draw({ isOpen, unread });

  const open = () => {
    if (isOpen) return;
    isOpen = true;
    frame.show();
    redraw();
    bridge.post(WidgetEvent.Opened, {});
    frame.focus();
    commands.emit('open', {});
  };
  const close = () => {
    if (!isOpen) return;
    isOpen = false;
    frame.hide();
    redraw();
    bridge.post(WidgetEvent.Closed, {});
    launcher.focus();
    commands.emit('close', {});
  };
  const identify = (identity: SignedIdentity) => {
    frame.ensure();
    bridge.post(WidgetEvent.Identify, identity);
  };
  const commands = createCommandQueue({ open, close, identify });

  const bridge = createBridge({
    page: window,
    appOrigin,
    target: frame.target,
    greeting: () => {
      const hello: WidgetMessage[] = [{ type: WidgetEvent.Init, payload: { lang, chatToken, visitThreadId: visitThread() } }];
      if (isOpen) hello.push({ type: WidgetEvent.Opened, payload: {} });
      return hello;
    },
    handlers: {
      [WidgetEvent.Brand]: ({ primaryColor, name }) => {
        launcher.setPrimaryColor(primaryColor);
        if (typeof name === 'string' && name) frame.setTitle(name);
      },
      [WidgetEvent.Unread]: (payload) => {
        const count = Number(payload.count) || 0;
        if (count === unread) return;
        unread = count;
        redraw();
        commands.emit('unread', { count });
      },
      [WidgetEvent.Message]: (payload) => commands.emit('message', payload),
      [WidgetEvent.IdentifyResult]: (payload) => commands.emit('identify', payload),
      [WidgetEvent.RequestClose]: close,
      [WidgetEvent.Session]: (payload) => rememberSession(Boolean(payload.active)),
      [WidgetEvent.VisitThread]: (payload) => rememberVisitThread(String(payload.conversationId)),
    },
  });

  const queued = queuedCommands(window.Counterchat);
  window.Counterchat = commands.api;

  redraw();
  const mount = () => {
    document.body.append(launcher.host);
    commands.replay(queued);
    // A returning visitor (or a chat link) gets the app early, without delaying the page.
    // Never before the store's own load event: an iframe would hold it back.
    if (chatToken) idle(open);
    else if (isReturningVisitor()) idle(frame.ensure);
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

/** A staff chat link opened on the store: hand the token to the app and drop it from the address bar. */
function takeChatTokenFromUrl(): string | null {
  const url = new URL(location.href);
  const token = url.searchParams.get(CHAT_TOKEN_PARAM);
  if (!token) return null;
  url.searchParams.delete(CHAT_TOKEN_PARAM);
  history.replaceState(history.state, '', url.href);
  return token;
}

function idle(work: () => void): void {
  const later = () => ('requestIdleCallback' in window ? requestIdleCallback(() => work(), { timeout: 3000 }) : setTimeout(work, 1));
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

start();
