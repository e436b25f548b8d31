import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { KNOWN_PLACEHOLDERS, unknownPlaceholders } from '../../../../shared/saved-replies/placeholders.js';
import { graphql } from '../../gql/index.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { savedReplyErrors } from './saved-reply-errors.js';

const CreateSavedReplyMutation = graphql(`
  mutation CreateSavedReply($input: CreateSavedReplyInput!) {
    createSavedReply(input: $input) {
      id
      ...SavedReplyRowFields
    }
  }
`);

const UpdateSavedReplyMutation = graphql(`
  mutation UpdateSavedReply($input: UpdateSavedReplyInput!) {
    updateSavedReply(input: $input) {
      id
      ...SavedReplyRowFields
    }
  }
`);

export interface SavedReplyDraft {
  id?: string;
  shortcut: string;
  title: string;
  body: string;
  shared: boolean;
}

const EMPTY: SavedReplyDraft = { shortcut: '', title: '', body: '', shared: false };

/**
 * Adds a saved reply, or edits one (`reply`). Admins choose whether a new one is the
 * pharmacy's; placeholders are checked as one types, against the list the gateway accepts.
 */
export function SavedReplyForm(props: { reply?: SavedReplyDraft; canShare: boolean; onDone(): void }) {
  const t = useStrings();
  const id = useId();
  const editing = Boolean(props.reply?.id);
  const [draft, setDraft] = useState<SavedReplyDraft>(props.reply ?? EMPTY);
  const [create, created] = useMutation(CreateSavedReplyMutation, { refetchQueries: ['SavedReplies', 'ComposerSavedReplies'] });
  const [update, updated] = useMutation(UpdateSavedReplyMutation, { refetchQueries: ['ComposerSavedReplies'] });
  const saving = created.loading || updated.loading;
  const errors = savedReplyErrors(created.error ?? updated.error, t);
  const unknown = unknownPlaceholders(draft.body);
  const change = (changes: Partial<SavedReplyDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    created.reset();
    updated.reset();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields = { shortcut: draft.shortcut, title: draft.title, body: draft.body };
    const saved = draft.id
      ? await update({ variables: { input: { id: draft.id, ...fields } } }).catch(() => null)
      : await create({ variables: { input: { ...fields, shared: props.canShare && draft.shared } } }).catch(() => null);
    if (saved?.data) {
      setDraft(EMPTY);
      props.onDone();
    }
  }

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{editing ? t('savedReplyEditTitle', { shortcut: props.reply!.shortcut }) : t('savedReplyAddTitle')}</h2>
      <label className="field">
        <span>{t('savedReplyShortcut')}</span>
        <input
          value={draft.shortcut}
          onChange={(event) => change({ shortcut: event.target.value })}
          required
          maxLength={41}
          placeholder="opening-hours"
          aria-describedby={`${id}-shortcut-help`}
        />
        <span id={`${id}-shortcut-help`} className="field-help">
          {t('savedReplyShortcutHelp')}
        </span>
        {errors.shortcut && <span className="field-error">{errors.shortcut}</span>}
      </label>
      <label className="field">
        <span>{t('savedReplyTitle')}</span>
        <input value={draft.title} onChange={(event) => change({ title: event.target.value })} required maxLength={100} />
        {errors.title && <span className="field-error">{errors.title}</span>}
      </label>
      <label className="field">
        <span>{t('savedReplyBody')}</span>
        <textarea value={draft.body} onChange={(event) => change({ body: event.target.value })} required rows={5} maxLength={4000} aria-describedby={`${id}-body-help`} />
        <span id={`${id}-body-help`} className="field-help">
          {t('savedReplyPlaceholdersHelp')} {KNOWN_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}
        </span>
        {unknown.length > 0 && !errors.body && (
          <span className="field-error" role="status">
            {t('savedReplyUnknownPlaceholders', { names: unknown.map((name) => `{{${name}}}`).join(', ') })}
          </span>
        )}
        {errors.body && <span className="field-error">{errors.body}</span>}
      </label>
      {props.canShare && !editing && (
        <label className="radio">
          <input type="checkbox" checked={draft.shared} onChange={(event) => change({ shared: event.target.checked })} />
          <span>{t('savedReplyForEveryone')}</span>
        </label>
      )}
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="saved-replies-settings__actions">
        <button type="submit" className="button button--primary" disabled={saving || unknown.length > 0 || !draft.shortcut.trim() || !draft.title.trim() || !draft.body.trim()}>
          {editing ? t('save') : t('savedReplyAdd')}
        </button>
        {editing && (
          <button type="button" className="button" onClick={props.onDone}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
