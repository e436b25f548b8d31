import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useStrings } from '../i18n/widget-i18n.js';

// Word files as well: the server accepts them (issue 19).
const ACCEPT = 'image/*,application/pdf,.doc,.docx,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_FILES = 5;

export interface ComposerProps {
  onSend(body: string, files: File[]): void;
  /** Called on every keystroke; the parent throttles what it sends. */
  onTyping(typing: boolean): void;
}

/** The message box: Enter sends, Shift+Enter breaks the line; photos and PDFs (camera on phones). */
export function Composer({ onSend, onTyping }: ComposerProps) {
  const t = useStrings();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const cameraInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const [phone, setPhone] = useState(false);

  useEffect(() => {
    setPhone(window.matchMedia?.('(pointer: coarse)').matches ?? false);
  }, []);

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim() && files.length === 0) return;
    onSend(body.trim(), files);
    onTyping(false);
    setBody('');
    setFiles([]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) send(event);
  };
  const addFiles = (input: HTMLInputElement) => {
    // Copy now: clearing the input (so the same file can be picked again) empties its live FileList.
    const picked = Array.from(input.files ?? []);
    input.value = '';
    if (picked.length > 0) setFiles((current) => [...current, ...picked].slice(0, MAX_FILES));
  };

  return (
    <form className="cc-composer" onSubmit={send}>
      {files.length > 0 && (
        <ul className="cc-chips">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="cc-chip">
              <span>{file.name}</span>
              <button type="button" aria-label={t('removeFile', { name: file.name })} onClick={() => setFiles((current) => current.filter((_, at) => at !== index))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="cc-composer-row">
        <button type="button" className="cc-icon-button cc-attach" aria-label={t('attach')} onClick={() => fileInput.current?.click()}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z" />
          </svg>
        </button>
        {phone && (
          <button type="button" className="cc-icon-button" aria-label={t('takePhoto')} onClick={() => cameraInput.current?.click()}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M9 3 7.2 5H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3zm3 15a5 5 0 1 1 0-10 5 5 0 0 1 0 10z" />
            </svg>
          </button>
        )}
        <input ref={fileInput} type="file" accept={ACCEPT} multiple hidden onChange={(event) => addFiles(event.target)} data-testid="cc-file-input" />
        <input ref={cameraInput} type="file" accept="image/*" capture="environment" hidden onChange={(event) => addFiles(event.target)} />
        <label htmlFor={`${id}-message`} className="cc-visually-hidden">{t('messageLabel')}</label>
        <textarea
          id={`${id}-message`}
          className="cc-textarea"
          rows={1}
          placeholder={t('messagePlaceholder')}
          value={body}
          maxLength={4000}
          onChange={(event) => {
            setBody(event.target.value);
            onTyping(event.target.value.length > 0);
          }}
          onBlur={() => onTyping(false)}
          onKeyDown={onKeyDown}
          data-autofocus
        />
        <button type="submit" className="cc-send" aria-label={t('send')}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M2 21 23 12 2 3v7l15 2-15 2z" />
          </svg>
        </button>
      </div>
    </form>
  );
}
