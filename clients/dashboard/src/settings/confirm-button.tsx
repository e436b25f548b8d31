import { useEffect, useRef, useState } from 'react';
import { useStrings } from '../i18n/dashboard-i18n.js';

/**
 * A destructive action in two steps: the button asks, and "Yes, …" does it. Inline rather
 * than `window.confirm`, so it is styled, keyboard-usable and says what will happen.
 */
export function ConfirmButton(props: { label: string; accessibleLabel?: string; question: string; confirmLabel: string; disabled?: boolean; onConfirm(): void }) {
  const t = useStrings();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="button button--danger" aria-label={props.accessibleLabel} disabled={props.disabled} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={props.question}>
      <span className="confirm__question">{props.question}</span>
      <button
        ref={confirm}
        type="button"
        className="button button--danger-solid"
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
