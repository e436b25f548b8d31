import { CHAT_ICON, CLOSE_ICON, HOST_STYLE, SHADOW_CSS } from './loader-styles.js';

export interface LauncherStrings {
  openChat: string;
  closeChat: string;
  unread(count: number): string;
}

export interface Launcher {
  /** The one element the loader adds to the store's page; everything else is in its shadow root. */
  host: HTMLElement;
  /** Holds the button, and the chat frame once there is one. */
  container: HTMLElement;
  /** Redraws the button (chat or close icon, unread badge, label) for the panel's state. */
  draw(state: { isOpen: boolean; unread: number }): void;
  focus(): void;
  /** The pharmacy's colour (`#rrggbb`) for the button; anything else is ignored. */
  setPrimaryColor(color: string): void;
}

/** The round button at the bottom right, in a shadow root the store's CSS can't reach. */
export function createLauncher(strings: LauncherStrings, onClick: () => void): Launcher {
  const host = document.createElement('div');
  host.setAttribute('style', HOST_STYLE);
  host.setAttribute('data-counterchat', '');
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-expanded', 'false');
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  container.append(button);
  adoptStyles(root);
  root.append(container);
  button.addEventListener('click', onClick);

  return {
    host,
    container,
    draw({ isOpen, unread }) {
      button.innerHTML = isOpen ? CLOSE_ICON : CHAT_ICON;
      button.append(badge);
      badge.textContent = unread > 99 ? '99+' : String(unread);
      badge.hidden = unread === 0 || isOpen;
      const label = isOpen ? strings.closeChat : strings.openChat;
      button.setAttribute('aria-label', unread > 0 && !isOpen ? `${label} (${strings.unread(unread)})` : label);
      button.setAttribute('aria-expanded', String(isOpen));
      container.className = isOpen ? 'open' : '';
    },
    focus: () => button.focus(),
    setPrimaryColor(color) {
      if (/^#[0-9a-f]{6}$/i.test(color)) container.style.setProperty('--cc-primary', color);
    },
  };
}

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
