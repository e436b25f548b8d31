import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index.js';

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
  const assignTo = (id: string | null) => void assign({ variables: { input: { conversationId, assigneeId: id } } }).catch(() => {});

  return (
    <div className="assignee-picker">
      {assigneeId !== viewerStaffId && (
        <button type="button" className="button" disabled={loading} onClick={() => assignTo(viewerStaffId)}>
          Assign to me
        </button>
      )}
      <label className="assignee-picker__select">
        <span className="visually-hidden">Assignee</span>
        <select value={assigneeId ?? ''} disabled={loading || !data} onChange={(event) => assignTo(event.target.value || null)}>
          <option value="">Unassigned</option>
          {data?.staffMembers.map((staff) => (
            <option key={staff.id} value={staff.id}>
              {staff.id === viewerStaffId ? `${staff.name} (me)` : staff.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
