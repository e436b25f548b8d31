import type { ApiKeyScope } from '../../gql/graphql.js';

/** Every scope with what it grants, in the words of the schema. */
export const API_KEY_SCOPES: { scope: ApiKeyScope; help: string }[] = [
  { scope: 'CONVERSATIONS_READ', help: 'Conversations, their messages and attachments, message search.' },
  { scope: 'CONVERSATIONS_WRITE', help: 'Status, assignment, priority.' },
  { scope: 'MESSAGES_WRITE', help: 'Send, edit and delete its own messages, react, mark read, start conversations.' },
  { scope: 'CUSTOMERS_READ', help: 'Customer records and lookup.' },
  { scope: 'CUSTOMERS_WRITE', help: 'Create customers and issue their chat links.' },
  { scope: 'STAFF_READ', help: 'The pharmacy team, e.g. to pick an assignee.' },
  { scope: 'WEBHOOKS_MANAGE', help: 'Webhook endpoints, their delivery log, redelivery.' },
  { scope: 'STATS_READ', help: 'Response-time and workload figures.' },
  { scope: 'NOTES_READ', help: 'Internal notes in threads (with conversations:read).' },
  { scope: 'LABELS_WRITE', help: 'Add and remove labels on conversations (reading them comes with conversations:read).' },
];

/** As partners see it in errors and docs: CONVERSATIONS_READ → "conversations:read". */
export const scopeName = (scope: ApiKeyScope) => scope.toLowerCase().replace(/_([a-z]+)$/, ':$1');
