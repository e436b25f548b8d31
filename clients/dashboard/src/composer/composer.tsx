import { useEffect, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTypingSignal } from '../conversation/typing-indicator.js';
import type { ReplyTarget } from '../conversation/message-bubble.js';
import { useFormat } from '../format/dates.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { ACCEPT_ATTRIBUTE } from './attachment-rules.js';
import { usePendingSends } from './pending-sends.js';
import './composer.css';
import { Icon } from '../icons.js';
import { useFocusComposerRequests, useShortcut } from '../shortcuts/keyboard-shortcuts.js';
import { useWriteNote } from '../note/write-note.js';
import '../note/note.css';
import { placeholdersIn } from '../../../shared/saved-replies/placeholders.js';
import { useSavedReplyPicker } from './saved-reply-picker.js';

const MAX_BODY_LENGTH = 4000;

interface ComposerProps {
  conversationId: string;
  /** The thread's customer, for the placeholders of saved replies. */
  customerName: string | null;
  replyTo: ReplyTarget | null;
  onCancelReply(): void;
  /** Files waiting to go with the next message (added here, by drop on the thread, or by paste). */
  files: File[];
  fileErrors: string[];
  addFiles(files: File[]): void;
  removeFile(index: number): void;
  clearFiles(): void;
}

/** Enter sends, Shift+Enter is a new line. The message shows in the thread at once. */
export function Composer(props: ComposerProps) {
  const { send } = usePendingSends();
  const t = useStrings();
  const format = useFormat();
  const [body, setBody] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const typing = useTypingSignal(props.conversationId);
  // A note is for the team: no files, no reply, no typing signal to the customer.
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const note = useWriteNote();
  const noting = mode === 'note';
  const savedReplies = useSavedReplyPicker({ text: body, setText: setBody, input, customerName: props.customerName });
  // Left as typed by a saved reply (unknown, or no value in this thread): worth a look before sending.
  const unfilled = placeholdersIn(body);
  const canSend = (body.trim().length > 0 || (!noting && props.files.length > 0)) && body.length <= MAX_BODY_LENGTH;
  const focus = () => input.current?.focus();
  useFocusComposerRequests(focus);
  useShortcut('r', focus);
  // "Reply" on a message: typing goes straight into the answer.
  const replyToId = props.replyTo?.id;
  useEffect(() => {
    if (replyToId) input.current?.focus();
  }, [replyToId]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    if (noting) {
      const text = body.trim();
      void note.writeNote(props.conversationId, text).then(
        () => setBody((current) => (current.trim() === text ? '' : current)),
        () => {},
      );
      input.current?.focus();
      return;
    }
    send({ conversationId: props.conversationId, body: body.trim(), files: props.files, replyToId: props.replyTo?.id ?? null });
    setBody('');
    props.clearFiles();
    props.onCancelReply();
    typing.stopped();
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (savedReplies.onKeyDown(event)) return;
    // isComposing: Enter that confirms an IME composition must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    props.addFiles(files);
  }

  return (
    <form className={`composer${noting ? ' composer--note' : ''}`} onSubmit={submit} aria-label={t('reply')}>
      <div className="composer__modes" role="group">
        <button type="button" className="composer__mode" aria-pressed={!noting} onClick={() => setMode('reply')}>
          {t('noteReplyTab')}
        </button>
        <button type="button" className="composer__mode composer__mode--note" aria-pressed={noting} onClick={() => setMode('note')}>
          {t('noteTab')}
        </button>
      </div>
      {noting && note.state.error && (
        <p className="field-error" role="alert">
          {t('noteFailed')}
        </p>
      )}
      {props.replyTo && (
        <div className="composer__reply">
          <span>
            {t('replyingTo')} <strong>{props.replyTo.senderName}</strong>: {props.replyTo.body.slice(0, 80)}
          </span>
          <button type="button" className="icon-button" aria-label={t('cancelReply')} onClick={props.onCancelReply}>
            <Icon name="close" />
          </button>
        </div>
      )}
      {props.fileErrors.length > 0 && (
        <ul className="composer__errors" role="alert">
          {props.fileErrors.map((error, index) => (
            <li key={index}>{error}</li>
          ))}
        </ul>
      )}
      {props.files.length > 0 && (
        <ul className="composer__files" aria-label={t('filesToSend')}>
          {props.files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="file-chip">
              <span className="file-chip__name">{file.name}</span>
              <span className="file-chip__size">{format.fileSize(file.size)}</span>
              <button type="button" className="icon-button" aria-label={t('removeFile', { name: file.name })} onClick={() => props.removeFile(index)}>
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="composer__row">
        <button type="button" className="icon-button composer__attach" aria-label={t('attachFiles')} onClick={() => fileInput.current?.click()}>
          <Icon name="attach" />
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          className="visually-hidden"
          aria-label={t('chooseFiles')}
          tabIndex={-1}
          onChange={(event) => {
            props.addFiles([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        {savedReplies.list}
        <textarea
          ref={input}
          {...savedReplies.inputProps}
          aria-label={noting ? t('noteTab') : t('messageLabel')}
          placeholder={noting ? t('notePlaceholder') : t('composerPlaceholder')}
          rows={2}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            savedReplies.onTextChange(event.target.selectionStart);
            if (event.target.value && !noting) typing.typed();
          }}
          onBlur={() => typing.stopped()}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <button type="submit" className="button button--primary" disabled={!canSend || note.state.loading}>
          {noting ? t('saveNote') : t('send')}
        </button>
      </div>
      {unfilled.length > 0 && (
        <p className="composer__placeholders" role="status">
          {t('placeholdersLeft', { names: unfilled.map((name) => `{{${name}}}`).join(', ') })}
        </p>
      )}
      {body.length > MAX_BODY_LENGTH && (
        <p className="field-error" role="alert">
          {t('tooLong', { max: format.number(MAX_BODY_LENGTH), now: format.number(body.length) })}
        </p>
      )}
    </form>
  );
}
