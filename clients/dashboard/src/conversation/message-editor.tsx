import { useMutation } from '@apollo/client/react';
import { useState, type KeyboardEvent } from 'react';
import { graphql } from '../gql/index.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

const EditMessageMutation = graphql(`
  mutation EditMessage($input: EditMessageInput!) {
    editMessage(input: $input) {
      id
      body
      editedAt
    }
  }
`);

/** In-place editing of the viewer's own message: Enter saves, Escape cancels. */
export function MessageEditor({ messageId, initialBody, onDone }: { messageId: string; initialBody: string; onDone(): void }) {
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [editMessage, { loading }] = useMutation(EditMessageMutation);
  const t = useStrings();

  async function save() {
    if (body.trim() === initialBody.trim()) return onDone();
    try {
      await editMessage({ variables: { input: { messageId, body } } });
      onDone();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t('editNotSaved'));
    }
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') onDone();
  }
  return (
    <div className="message-editor">
      <textarea aria-label={t('editMessage')} value={body} autoFocus onChange={(e) => setBody(e.target.value)} onKeyDown={onKeyDown} rows={2} />
      {error && <p role="alert" className="field-error">{error}</p>}
      <div className="message-editor__buttons">
        <button type="button" className="button" onClick={onDone}>
          {t('cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void save()} disabled={loading || !body.trim()}>
          {t('save')}
        </button>
      </div>
    </div>
  );
}
