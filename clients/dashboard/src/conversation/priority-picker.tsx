import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/index.js';
import type { ConversationPriority } from '../gql/graphql.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { priorityLabel } from '../inbox/row-badges.js';

const SetConversationPriorityMutation = graphql(`
  mutation SetConversationPriority($input: SetConversationPriorityInput!) {
    setConversationPriority(input: $input) {
      id
      priority
      updatedAt
    }
  }
`);

const PRIORITIES: ConversationPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** The thread's priority: HIGH and URGENT show on its inbox row and sort first by priority. */
export function PriorityPicker({ conversationId, priority }: { conversationId: string; priority: ConversationPriority }) {
  const [setPriority, { loading }] = useMutation(SetConversationPriorityMutation);
  const t = useStrings();
  return (
    <label className="priority-picker">
      <span className="visually-hidden">{t('priority')}</span>
      <select
        value={priority}
        disabled={loading}
        aria-label={t('priority')}
        onChange={(event) => void setPriority({ variables: { input: { conversationId, priority: event.target.value as ConversationPriority } } }).catch(() => {})}
      >
        {PRIORITIES.map((value) => (
          <option key={value} value={value}>
            {t('priorityOption', { priority: t(priorityLabel(value)) })}
          </option>
        ))}
      </select>
    </label>
  );
}
