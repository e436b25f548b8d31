import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

export const StaffMembersQuery = graphql(`
  query StaffMembers {
    staffMembers {
      id
      name
    }
  }
`);

const AssignConversationMutation = graphql(`
  mutation AssignConversation($input: AssignConversationInput!) {
    assignConversation(input: $input) {
      id
      assignee {
        id
        name
      }
    }
  }
`);

interface AssigneePickerProps {
  conversationId: string;
  assigneeId: string | null;
  viewerStaffId: string;
}

/** "Assign to me" in one click, or any colleague (or nobody) from the list. */
export function AssigneePicker({ conversationId, assigneeId, viewerStaffId }: AssigneePickerProps) {
  const { data } = useQuery(StaffMembersQuery);
  const [assign, { loading }] = useMutation(AssignConversationMutation);
  const t = useStrings();
  const assignTo = (id: string | null) => void assign({ variables: { input: { conversationId, assigneeId: id } } }).catch(() => {});

  return (
    <div className="assignee-picker">
      <button
        type="button"
        className={`button${assigneeId === viewerStaffId ? ' assignee-picker__me--hidden' : ''}`}
        disabled={loading || assigneeId === viewerStaffId}
        aria-hidden={assigneeId === viewerStaffId || undefined}
        tabIndex={assigneeId === viewerStaffId ? -1 : undefined}
        onClick={() => assignTo(viewerStaffId)}
      >
        {t('assignToMe')}
      </button>
      <label className="assignee-picker__select">
        <span className="visually-hidden">{t('assignee')}</span>
        <select value={assigneeId ?? ''} disabled={loading || !data} onChange={(event) => assignTo(event.target.value || null)}>
          <option value="">{t('unassigned')}</option>
          {data?.staffMembers.map((staff) => (
            <option key={staff.id} value={staff.id}>
              {staff.id === viewerStaffId ? t('nameMe', { name: staff.name }) : staff.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
