import { CHAT_TOKEN_PARAM, isWidgetMessage, WidgetEvent, type SignedIdentity, type WidgetEventName, type WidgetPayloads } from '../protocol/widget-protocol.js';
import { launcherStrings } from '../src/strings.js';
import { CHAT_ICON, CLOSE_ICON, HOST_STYLE, SHADOW_CSS } from './loader-styles.js';

/**
 * `/widget.js`: the one line a store pastes. It draws the launcher, creates the chat
 * iframe (on first open, or early when the visitor already has a chat), and exposes
 * `window.Counterchat`. It never sees a customer token: the app keeps that in its own
 * origin, and this file only passes on a chat link's token it finds in the page URL.
 */
type HostEvent = 'unread' | 'message' | 'open' | 'close' | 'identify';
type Listener = (detail: unknown) => void;
type Command = [name: string, ...args: unknown[]];

interface CounterchatApi {
  (...command: Command): void;
  open(): void;
  close(): void;
  identify(identity: SignedIdentity): void;
  on(event: HostEvent, listener: Listener): () => void;
  /** Calls made before the loader ran, e.g. by the snippet's stub: `Counterchat('identify', {...})`. */
  q?: Command[];
}

declare global {
  interface Window {
    Counterchat?: CounterchatApi;
  }
}

// The host-page key that says "this visitor has chatted": lets the next page view load the app early.
const ACTIVE_KEY = 'counterchat:active';
// This tab's thread, for pharmacies that start a new thread per visit.
const VISIT_THREAD_KEY = 'counterchat:visit-thread';

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
  const strings = launcherStrings(lang);
  const chatToken = takeChatTokenFromUrl();

  const host = document.createElement('div');
  host.setAttribute('style', HOST_STYLE);
  host.setAttribute('data-counterchat', '');
  const root = host.attachShadow({ mode: 'open' });
  const wrapper = document.createElement('div');
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-expanded', 'false');
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  wrapper.append(launcher);
  adoptStyles(root);
  root.append(wrapper);

  let frame: HTMLIFrameElement | undefined;
  let ready = false;
  let isOpen = false;
  let unread = 0;
  const outbox: { type: WidgetEventName; payload: unknown }[] = [];
  const listeners = new Map<HostEvent, Set<Listener>>();

  const emit = (event: HostEvent, detail: unknown) => listeners.get(event)?.forEach((listener) => {
    try {
      listener(detail);
    } catch (error) {
      console.error(error);
    }
  });

  const drawLauncher = () => {
    launcher.innerHTML = isOpen ? CLOSE_ICON : CHAT_ICON;
    launcher.append(badge);
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.hidden = unread === 0 || isOpen;
    const label = isOpen ? strings.closeChat : strings.openChat;
    launcher.setAttribute('aria-label', unread > 0 && !isOpen ? `${label} (${strings.unread(unread)})` : label);
    launcher.setAttribute('aria-expanded', String(isOpen));
    wrapper.className = isOpen ? 'open' : '';
  };

  const post = <E extends WidgetEventName>(type: E, payload: WidgetPayloads[E]) => {
    if (ready && frame?.contentWindow) frame.contentWindow.postMessage({ type, payload }, appOrigin);
    else outbox.push({ type, payload });
  };

  const ensureFrame = (): HTMLIFrameElement => {
    if (frame) return frame;
    frame = document.createElement('iframe');
    const src = new URL('/widget/', appOrigin);
    src.searchParams.set('org', org);
    src.searchParams.set('host', location.origin);
    src.searchParams.set('lang', lang);
    frame.src = src.href;
    frame.className = 'panel';
    frame.title = strings.openChat;
    frame.hidden = true;
    frame.setAttribute('allow', 'camera; clipboard-write');
    wrapper.append(frame);
    return frame;
  };

  const open = () => {
    if (isOpen) return;
    isOpen = true;
    const panel = ensureFrame();
    panel.hidden = false;
    drawLauncher();
    post(WidgetEvent.Opened, {});
    panel.focus();
    emit('open', {});
  };
  const close = () => {
    if (!isOpen) return;
    isOpen = false;
    if (frame) frame.hidden = true;
    drawLauncher();
    post(WidgetEvent.Closed, {});
    launcher.focus();
    emit('close', {});
  };

  window.addEventListener('message', (event) => {
    // Only our own iframe, from the gateway's origin, is listened to.
    if (!frame || event.source !== frame.contentWindow || event.origin !== appOrigin || !isWidgetMessage(event.data)) return;
    const { type, payload } = event.data;
    switch (type) {
      case WidgetEvent.Ready: {
        ready = true;
        frame.contentWindow!.postMessage({ type: WidgetEvent.Init, payload: { lang, chatToken, visitThreadId: readStorage(sessionStorage, VISIT_THREAD_KEY) } }, appOrigin);
        if (isOpen) frame.contentWindow!.postMessage({ type: WidgetEvent.Opened, payload: {} }, appOrigin);
        for (const message of outbox.splice(0)) frame.contentWindow!.postMessage(message, appOrigin);
        break;
      }
      case WidgetEvent.Brand: {
        const { primaryColor, name } = payload as WidgetPayloads[typeof WidgetEvent.Brand];
        if (/^#[0-9a-f]{6}$/i.test(primaryColor)) wrapper.style.setProperty('--cc-primary', primaryColor);
        if (typeof name === 'string' && name) frame.title = name;
        break;
      }
      case WidgetEvent.Unread: {
        const count = Number((payload as WidgetPayloads[typeof WidgetEvent.Unread]).count) || 0;
        if (count !== unread) {
          unread = count;
          drawLauncher();
          emit('unread', { count });
        }
        break;
      }
      case WidgetEvent.Message:
        emit('message', payload);
        break;
      case WidgetEvent.IdentifyResult:
        emit('identify', payload);
        break;
      case WidgetEvent.RequestClose:
        close();
        break;
      case WidgetEvent.Session:
        writeStorage(localStorage, ACTIVE_KEY, (payload as WidgetPayloads[typeof WidgetEvent.Session]).active ? '1' : null);
        break;
      case WidgetEvent.VisitThread:
        writeStorage(sessionStorage, VISIT_THREAD_KEY, String((payload as WidgetPayloads[typeof WidgetEvent.VisitThread]).conversationId));
        break;
    }
  });

  launcher.addEventListener('click', () => (isOpen ? close() : open()));

  const api = ((...command: Command) => run(command)) as CounterchatApi;
  api.open = open;
  api.close = close;
  api.identify = (identity) => {
    ensureFrame();
    post(WidgetEvent.Identify, identity);
  };
  api.on = (event, listener) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event)!.add(listener);
    return () => listeners.get(event)?.delete(listener);
  };
  const run = ([name, ...args]: Command) => {
    const method = api[name as 'open' | 'close' | 'identify' | 'on'] as ((...rest: unknown[]) => unknown) | undefined;
    if (typeof method === 'function' && ['open', 'close', 'identify', 'on'].includes(name)) method(...args);
    else console.warn(`Counterchat: unknown command "${name}".`);
  };
  const queued = (window.Counterchat as { q?: Command[] } | undefined)?.q ?? [];
  window.Counterchat = api;

  drawLauncher();
  const mount = () => {
    document.body.append(host);
    for (const command of queued) run(command);
    // A returning visitor (or a chat link) gets the app early, without delaying the page.
    const returning = readStorage(localStorage, ACTIVE_KEY) === '1';
    // Never before the store's own load event: an iframe would hold it back.
    if (chatToken) idle(open);
    else if (returning) idle(ensureFrame);
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

// Storage may be blocked or full: the widget works without it, just less smoothly.
function readStorage(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Not kept.
  }
}

const localStorage = () => window.localStorage;
const sessionStorage = () => window.sessionStorage;

/** A constructed sheet where supported: no inline <style>, so a strict store CSP doesn't block it. */
function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SHADOW_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = SHADOW_CSS;
    root.append(style);
  }
}

function idle(work: () => void): void {
  const later = () => ('requestIdleCallback' in window ? requestIdleCallback(() => work(), { timeout: 3000 }) : setTimeout(work, 1));
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

start();
