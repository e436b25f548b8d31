import { useEffect, useRef } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question in the dashboard's own look instead of the browser's `confirm()`:
 * focus starts on "Cancel" (the safe answer), Escape cancels.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!props.open && element.open) element.close();
  }, [props.open]);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="confirm-dialog-title" aria-describedby="confirm-dialog-message" onClose={() => props.open && props.onCancel()}>
      <h2 id="confirm-dialog-title">{props.title}</h2>
      <p id="confirm-dialog-message">{props.message}</p>
      <div className="confirm-dialog__actions">
        <button ref={cancel} type="button" className="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button type="button" className="button button--danger-solid" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
