import { useEffect, useLayoutEffect, useRef } from 'react';
import type { DashboardKey } from '../i18n/dashboard-keys.js';

/**
 * The dashboard's keyboard shortcuts: single keys, as in Gmail or Chatwoot, taken only
 * when no text field has focus and no dialog is open, so typing is never hijacked.
 * The "?" help lists this table, so a shortcut and its description live in one place.
 */
export const SHORTCUTS = [
  { key: 'r', description: 'shortcutReply' },
  { key: 'j', description: 'shortcutNext' },
  { key: 'k', description: 'shortcutPrevious' },
  { key: 'u', description: 'shortcutNextUnread' },
  { key: 'e', description: 'shortcutResolve' },
  // Shift+U, as in Gmail.
  { key: 'U', description: 'shortcutMarkUnread' },
  { key: '/', description: 'shortcutSearch' },
  { key: '?', description: 'shortcutHelp' },
] as const satisfies readonly { key: string; description: DashboardKey }[];

export type ShortcutKey = (typeof SHORTCUTS)[number]['key'];

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Runs `handler` when `key` is pressed outside text fields and dialogs. */
export function useShortcut(key: ShortcutKey, handler: () => void, enabled = true) {
  const latest = useRef(handler);
  latest.current = handler;
  // A layout effect: listening as soon as the screen that offers the shortcut is on the page.
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (typingInto(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [key, enabled]);
}

const FOCUS_COMPOSER = 'counterchat:focus-composer';

/** Asks the open conversation's composer to take the focus (after "Reply", or on "r"). */
export const focusComposer = () => window.dispatchEvent(new Event(FOCUS_COMPOSER));

export function useFocusComposerRequests(focus: () => void) {
  const latest = useRef(focus);
  latest.current = focus;
  useEffect(() => {
    const onRequest = () => latest.current();
    window.addEventListener(FOCUS_COMPOSER, onRequest);
    return () => window.removeEventListener(FOCUS_COMPOSER, onRequest);
  }, []);
}
