import { useId, useState } from 'react';
import { useStrings } from '../i18n/dashboard-i18n.js';

/** A secret the API returns only once: read-only, with a Copy button and a warning to store it now. */
export function SecretOnce(props: { label: string; secret: string; onDone(): void }) {
  const t = useStrings();
  const id = useId();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions): the field is selected, so Ctrl+C works.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div className="secret-once" role="status">
      <label htmlFor={id}>{props.label}</label>
      <div className="secret-once__row">
        <input id={id} readOnly value={props.secret} spellCheck={false} onFocus={(event) => event.target.select()} />
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p className="notice notice--warning">{t('secretStoreNow')}</p>
      <button type="button" className="button" onClick={props.onDone}>
        {t('secretDone')}
      </button>
    </div>
  );
}
