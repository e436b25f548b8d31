import { useRef } from 'react';
import { SHORTCUTS, useShortcut } from './keyboard-shortcuts.js';
import './shortcuts.css';

/** The header's "?" button, and the "?" key, open the list of keyboard shortcuts; Escape or "Close" shuts it. */
export function ShortcutHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  const open = () => dialog.current?.showModal();
  useShortcut('?', open);
  return (
    <>
      <button type="button" className="button button--ghost" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={open}>
        ?
      </button>
      <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title">
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <p className="shortcut-help__hint">They work whenever you are not typing in a field.</p>
        <table aria-label="Keyboard shortcuts">
          <tbody>
            {SHORTCUTS.map(({ key, description }) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit" className="button">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
