import type { WebhookEventType } from '../../gql/graphql.js';

/** Every event with its delivered name and what its data holds. */
export const WEBHOOK_EVENTS: { type: WebhookEventType; help: string }[] = [
  { type: 'MESSAGE_CREATED', help: 'A message was sent (system messages too).' },
  { type: 'MESSAGE_EDITED', help: 'A message was edited.' },
  { type: 'MESSAGE_DELETED', help: 'A message was deleted.' },
  { type: 'CONVERSATION_CREATED', help: 'A conversation was started.' },
  { type: 'CONVERSATION_STATUS_CHANGED', help: 'A conversation was resolved, reopened, set pending or closed.' },
  { type: 'CONVERSATION_ASSIGNED', help: 'A conversation was assigned or unassigned.' },
  { type: 'CONVERSATION_LABELS_CHANGED', help: 'A label was added to or removed from a conversation.' },
];

/** As delivered in the JSON: MESSAGE_CREATED → "message.created". */
export const eventName = (type: WebhookEventType) => type.toLowerCase().replace('_', '.');
