import { useQuery } from '@apollo/client/react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useFormat } from '../format/dates.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { systemEventText } from './system-event-text.js';
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
      durationSeconds
    }
  }
`);


/** A status, assignment or video call change, centred between the bubbles. */
export function SystemMessage(props: { message: FragmentType<typeof SystemMessageFields> }) {
  const message = readFragment(SystemMessageFields, props.message);
  const { data } = useQuery(StaffMembersQuery, { fetchPolicy: 'cache-first' });
  const t = useStrings();
  const format = useFormat();
  const nameOf = (id: string) => data?.staffMembers.find((staff) => staff.id === id)?.name ?? null;
  const text = systemEventText(message.systemEvent, message.body, t, nameOf, format);
  return (
    <li className="system-message">
      <span>
        {text} · <time dateTime={message.createdAt}>{format.time(message.createdAt)}</time>
      </span>
    </li>
  );
}
