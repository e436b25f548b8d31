/**
 * Everything the loader draws lives in a shadow root, so the store's CSS (even
 * `* { all: unset }`) can't reach it; `:host { all: initial }` also stops inherited
 * properties from leaking in. The host element itself is styled inline with !important.
 */
export const HOST_STYLE =
  'all: initial !important; position: fixed !important; z-index: 2147483000 !important; right: 0 !important; bottom: 0 !important; width: 0 !important; height: 0 !important; display: block !important;';

export const SHADOW_CSS = `
:host { all: initial; }
.launcher {
  all: initial; box-sizing: border-box; position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px;
  border-radius: 50%; background: var(--cc-primary, #0f766e); color: #fff; cursor: pointer; display: flex;
  align-items: center; justify-content: center; box-shadow: 0 4px 14px rgba(0,0,0,.25); font: 600 12px/1 system-ui, sans-serif;
}
.launcher:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 3px; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; display: block; }
.badge {
  position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; padding: 0 6px; box-sizing: border-box;
  border-radius: 10px; background: #dc2626; color: #fff; font: 700 12px/20px system-ui, sans-serif; text-align: center;
}
.badge[hidden] { display: none; }
.panel {
  all: initial; position: fixed; right: 20px; bottom: 88px; width: 380px; height: min(640px, calc(100vh - 108px));
  border: 0; border-radius: 12px; box-shadow: 0 8px 32px rgba(0,0,0,.3); background: #fff; display: block; color-scheme: normal;
}
.panel[hidden] { display: none; }
@media (max-width: 480px) {
  .panel { left: 0; top: 0; right: auto; bottom: auto; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; }
  .open .launcher { display: none; }
}
`;

export const CHAT_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
export const CLOSE_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12 19 6.4 17.6 5 12 10.6z"/></svg>';
