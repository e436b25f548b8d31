import type { ConversationStatus } from '../gql/graphql.js';

const LABELS: Record<ConversationStatus, string> = { OPEN: 'Open', PENDING: 'Pending', RESOLVED: 'Resolved', CLOSED: 'Closed' };

export function StatusBadge({ status }: { status: ConversationStatus }) {
  return <span className={`status-badge status-badge--${status.toLowerCase()}`}>{LABELS[status]}</span>;
}
