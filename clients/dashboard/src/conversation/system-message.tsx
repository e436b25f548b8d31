import { useQuery } from '@apollo/client/react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useFormat } from '../format/dates.js';
import { useStrings, type DashboardKey } from '../i18n/dashboard-i18n.js';
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

const STATUS_WORDS: Record<string, DashboardKey> = { OPEN: 'systemReopened', PENDING: 'systemPending', RESOLVED: 'systemResolved', CLOSED: 'systemClosed' };

/** A status or assignment change, centred between the bubbles. */
export function SystemMessage(props: { message: FragmentType<typeof SystemMessageFields> }) {
  const message = readFragment(SystemMessageFields, props.message);
  const { data } = useQuery(StaffMembersQuery, { fetchPolicy: 'cache-first' });
  const t = useStrings();
  const format = useFormat();
  const nameOf = (id: string | null | undefined) => data?.staffMembers.find((staff) => staff.id === id)?.name ?? t('aColleague');
  const event = message.systemEvent;
  let text = message.body ?? t('systemUpdated');
  if (event?.type === 'STATUS_CHANGED') text = t(STATUS_WORDS[event.to ?? ''] ?? 'systemUpdated');
  if (event?.type === 'ASSIGNEE_CHANGED') text = event.to ? t('systemAssigned', { name: nameOf(event.to) }) : t('systemUnassigned');
  return (
    <li className="system-message">
      <span>
        {text} · <time dateTime={message.createdAt}>{format.time(message.createdAt)}</time>
      </span>
    </li>
  );
}
