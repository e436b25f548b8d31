import type { ConversationStatus } from '../gql/graphql.js';
import { useStrings, type DashboardKey } from '../i18n/dashboard-i18n.js';

const LABELS: Record<ConversationStatus, DashboardKey> = { OPEN: 'statusOpen', PENDING: 'statusPending', RESOLVED: 'statusResolved', CLOSED: 'statusClosed' };

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const t = useStrings();
  return <span className={`status-badge status-badge--${status.toLowerCase()}`}>{t(LABELS[status])}</span>;
}
