import { useQuery } from '@apollo/client/react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { clockTime } from '../format/time.js';
import { StaffMembersQuery } from './assignee-picker.js';

export const SystemMessageFields = graphql(`
  fragment SystemMessageFields on Message {
    id
    createdAt
    body
    systemEvent {
      type
      from
      to
    }
  }
`);

const STATUS_WORDS: Record<string, string> = { OPEN: 'reopened', PENDING: 'marked pending', RESOLVED: 'resolved', CLOSED: 'closed' };

/** A status or assignment change, centred between the bubbles. */
export function SystemMessage(props: { message: FragmentType<typeof SystemMessageFields> }) {
  const message = readFragment(SystemMessageFields, props.message);
  const { data } = useQuery(StaffMembersQuery, { fetchPolicy: 'cache-first' });
  const nameOf = (id: string | null | undefined) => data?.staffMembers.find((staff) => staff.id === id)?.name ?? 'a colleague';
  const event = message.systemEvent;
  let text = message.body ?? 'Conversation updated';
  if (event?.type === 'STATUS_CHANGED') text = `Conversation ${STATUS_WORDS[event.to ?? ''] ?? 'updated'}`;
  if (event?.type === 'ASSIGNEE_CHANGED') text = event.to ? `Assigned to ${nameOf(event.to)}` : 'Unassigned';
  return (
    <li className="system-message">
      <span>
        {text} · <time dateTime={message.createdAt}>{clockTime(message.createdAt)}</time>
      </span>
    </li>
  );
}
