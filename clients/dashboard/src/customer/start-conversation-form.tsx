import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../gql/index.js';
import { openConversation } from '../routing/use-route.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

const StartConversationMutation = graphql(`
  mutation StartConversation($input: StartConversationInput!) {
    startConversation(input: $input) {
      id
    }
  }
`);

/** A new thread with the customer on a subject (e.g. "Your flu vaccination"), opened at once. */
export function StartConversationForm({ customerId }: { customerId: string }) {
  const [subject, setSubject] = useState('');
  const [start, { loading, error }] = useMutation(StartConversationMutation);
  const t = useStrings();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { data } = await start({ variables: { input: { customerId, subject: subject.trim() || undefined } } }).catch(() => ({ data: undefined }));
    if (data) {
      setSubject('');
      openConversation(data.startConversation.id);
    }
  }

  return (
    <form className="start-conversation" onSubmit={submit}>
      <label>
        <span className="visually-hidden">{t('subject')}</span>
        <input placeholder={t('subject')} value={subject} onChange={(e) => setSubject(e.target.value)} aria-label={t('subjectOfNew')} />
      </label>
      <button type="submit" className="button" disabled={loading}>
        {t('startConversation')}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error.message}
        </p>
      )}
    </form>
  );
}
