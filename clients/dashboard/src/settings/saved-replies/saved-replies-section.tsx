import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import type { Permission } from '../../gql/graphql.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { ConfirmButton } from '../confirm-button.js';
import { SavedReplyForm, type SavedReplyDraft } from './saved-reply-form.js';
import { savedReplyErrors } from './saved-reply-errors.js';
import './saved-replies-settings.css';
import { LoadFailed } from '../load-failed.js';
import { SettingsTable } from '../settings-table.js';

const SavedReplyRowFields = graphql(`
  fragment SavedReplyRowFields on SavedReply {
    id
    shortcut
    title
    body
    shared
  }
`);

const SavedRepliesQuery = graphql(`
  query SavedReplies {
    savedReplies {
      id
      ...SavedReplyRowFields
    }
    viewer {
      permissions
    }
  }
`);

const DeleteSavedReplyMutation = graphql(`
  mutation DeleteSavedReply($id: ID!) {
    deleteSavedReply(id: $id) {
      id
    }
  }
`);

const MANAGE_SHARED: Permission = 'MANAGE_SHARED_SAVED_REPLIES';

/** Saved replies (issue 19): everyone keeps their own; admins also the pharmacy's shared ones. */
export function SavedRepliesSection() {
  const t = useStrings();
  const { data, error, refetch } = useQuery(SavedRepliesQuery, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<SavedReplyDraft | null>(null);
  const canShare = data?.viewer?.permissions.includes(MANAGE_SHARED) ?? false;
  return (
    <>
      <p className="settings__intro">{t('savedRepliesIntro', { example: '{{customer.firstName}}' })}</p>
      {error && !data && <LoadFailed message={t('savedRepliesNotLoaded')} onRetry={refetch} />}
      {data && data.savedReplies.length === 0 && <p className="settings__muted">{t('savedRepliesEmpty')}</p>}
      {data && data.savedReplies.length > 0 && (
        <SettingsTable label={t('settingsSavedReplies')} columns={[t('savedReplyShortcut'), t('savedReplyTitle'), t('savedReplyBody'), t('savedReplyFor')]} actions>
          {data.savedReplies.map((reply) => (
            <SavedReplyRow key={reply.id} reply={reply} canManageShared={canShare} onEdit={setEditing} />
          ))}
        </SettingsTable>
      )}
      {editing ? (
        <SavedReplyForm key={editing.id} reply={editing} canShare={canShare} onDone={() => setEditing(null)} />
      ) : (
        <SavedReplyForm key="new" canShare={canShare} onDone={() => {}} />
      )}
    </>
  );
}

function SavedReplyRow(props: { reply: FragmentType<typeof SavedReplyRowFields>; canManageShared: boolean; onEdit(reply: SavedReplyDraft): void }) {
  const t = useStrings();
  const reply = readFragment(SavedReplyRowFields, props.reply);
  const [remove, removal] = useMutation(DeleteSavedReplyMutation, { refetchQueries: ['SavedReplies', 'ComposerSavedReplies'] });
  const mayChange = !reply.shared || props.canManageShared;
  const failure = removal.error ? savedReplyErrors(removal.error, t).form : null;
  return (
    <tr>
      <td>
        <code>/{reply.shortcut}</code>
      </td>
      <td>{reply.title}</td>
      <td className="saved-replies-settings__body">{reply.body}</td>
      <td>{reply.shared ? t('savedReplyForPharmacy') : t('savedReplyForMe')}</td>
      <td>
        {mayChange && (
          <div className="saved-replies-settings__actions">
            <button type="button" className="button" aria-label={t('savedReplyEditNamed', { shortcut: reply.shortcut })} onClick={() => props.onEdit(reply)}>
              {t('savedReplyEdit')}
            </button>
            <ConfirmButton
              label={t('delete')}
              accessibleLabel={t('savedReplyDeleteNamed', { shortcut: reply.shortcut })}
              question={t('savedReplyDeleteQuestion', { shortcut: reply.shortcut })}
              confirmLabel={t('savedReplyDeleteConfirm')}
              disabled={removal.loading}
              onConfirm={() => void remove({ variables: { id: reply.id } }).catch(() => {})}
            />
          </div>
        )}
        {failure && (
          <span className="field-error" role="alert">
            {failure}
          </span>
        )}
      </td>
    </tr>
  );
}
