import { useRef } from 'react';
import { SHORTCUTS, useShortcut } from './keyboard-shortcuts.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import './shortcuts.css';

/** The header's "?" button, and the "?" key, open the list of keyboard shortcuts; Escape or "Close" shuts it. */
export function ShortcutHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  const open = () => dialog.current?.showModal();
  const t = useStrings();
  useShortcut('?', open);
  return (
    <>
      <button type="button" className="button button--ghost dashboard__shortcuts" aria-label={t('keyboardShortcuts')} title={t('keyboardShortcutsTitle')} onClick={open}>
        ?
      </button>
      <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title">
        <h2 id="shortcut-help-title">{t('keyboardShortcuts')}</h2>
        <p className="shortcut-help__hint">{t('shortcutsHint')}</p>
        <table aria-label={t('keyboardShortcuts')}>
          <tbody>
            {SHORTCUTS.map(({ key, description }) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{t(description)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit" className="button">
            {t('close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
