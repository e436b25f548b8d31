import type { ApiKeyScope } from '../../gql/graphql.js';
import type { DashboardKey } from '../../i18n/dashboard-i18n.js';

/** Every scope with (the key of) what it grants, in the words of the schema. */
export const API_KEY_SCOPES: { scope: ApiKeyScope; help: DashboardKey }[] = [
  { scope: 'CONVERSATIONS_READ', help: 'apiScopeConversationsRead' },
  { scope: 'CONVERSATIONS_WRITE', help: 'apiScopeConversationsWrite' },
  { scope: 'MESSAGES_WRITE', help: 'apiScopeMessagesWrite' },
  { scope: 'CUSTOMERS_READ', help: 'apiScopeCustomersRead' },
  { scope: 'CUSTOMERS_WRITE', help: 'apiScopeCustomersWrite' },
  { scope: 'STAFF_READ', help: 'apiScopeStaffRead' },
  { scope: 'WEBHOOKS_MANAGE', help: 'apiScopeWebhooksManage' },
  { scope: 'STATS_READ', help: 'apiScopeStatsRead' },
  { scope: 'NOTES_READ', help: 'apiScopeNotesRead' },
  { scope: 'LABELS_WRITE', help: 'apiScopeLabelsWrite' },
];

/** As partners see it in errors and docs: CONVERSATIONS_READ → "conversations:read". */
export const scopeName = (scope: ApiKeyScope) => scope.toLowerCase().replace(/_([a-z]+)$/, ':$1');
