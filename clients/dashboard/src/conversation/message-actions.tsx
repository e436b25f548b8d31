import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql/index.js';
import { AddReactionMutation } from './reaction-chips.js';
import { Icon } from '../icons.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

const DeleteMessageMutation = graphql(`
  mutation DeleteMessage($messageId: ID!) {
    deleteMessage(messageId: $messageId) {
      id
      body
      deletedAt
    }
  }
`);

const QUICK_REACTIONS = ['👍', '❤️', '🙏', '✅', '😊'];

interface MessageActionsProps {
  messageId: string;
  /** The viewer wrote it: edit and delete are theirs to use. */
  own: boolean;
  onReply(): void;
  onEdit(): void;
}

/** Shown on hover and on keyboard focus within the message. */
export function MessageActions({ messageId, own, onReply, onEdit }: MessageActionsProps) {
  const [picking, setPicking] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const t = useStrings();
  const [addReaction] = useMutation(AddReactionMutation);
  const [deleteMessage] = useMutation(DeleteMessageMutation);

  return (
    <div className="message-actions">
      <button type="button" className="icon-button" onClick={onReply} aria-label={t('reply')}>
        <Icon name="reply" />
      </button>
      <button type="button" className="icon-button" onClick={() => setPicking((p) => !p)} aria-label={t('addReaction')} aria-expanded={picking}>
        <Icon name="smile" />
      </button>
      {picking && (
        <span className="message-actions__picker" role="group" aria-label={t('reactions')}>
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="icon-button"
              aria-label={t('reactWith', { emoji })}
              onClick={() => {
                setPicking(false);
                void addReaction({ variables: { messageId, emoji } });
              }}
            >
              {emoji}
            </button>
          ))}
        </span>
      )}
      {own && (
        <>
          <button type="button" className="icon-button" onClick={onEdit} aria-label={t('editMessage')}>
            <Icon name="edit" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('deleteMessage')}
            onClick={() => setConfirmingDelete(true)}
          >
            <Icon name="trash" />
          </button>
          <ConfirmDialog
            open={confirmingDelete}
            title={t('deleteQuestion')}
            message={t('deleteExplained')}
            confirmLabel={t('delete')}
            cancelLabel={t('cancel')}
            onCancel={() => setConfirmingDelete(false)}
            onConfirm={() => {
              setConfirmingDelete(false);
              void deleteMessage({ variables: { messageId } });
            }}
          />
        </>
      )}
    </div>
  );
}
