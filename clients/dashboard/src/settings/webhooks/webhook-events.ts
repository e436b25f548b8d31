import type { WebhookEventType } from '../../gql/graphql.js';
import type { DashboardKey } from '../../i18n/dashboard-i18n.js';

/** Every event with its delivered name and (the key of) what it means. */
export const WEBHOOK_EVENTS: { type: WebhookEventType; help: DashboardKey }[] = [
  { type: 'MESSAGE_CREATED', help: 'webhookEventMessageCreated' },
  { type: 'MESSAGE_EDITED', help: 'webhookEventMessageEdited' },
  { type: 'MESSAGE_DELETED', help: 'webhookEventMessageDeleted' },
  { type: 'CONVERSATION_CREATED', help: 'webhookEventConversationCreated' },
  { type: 'CONVERSATION_STATUS_CHANGED', help: 'webhookEventStatusChanged' },
  { type: 'CONVERSATION_ASSIGNED', help: 'webhookEventAssigned' },
  { type: 'CONVERSATION_LABELS_CHANGED', help: 'webhookEventLabelsChanged' },
];

/** As delivered in the JSON: MESSAGE_CREATED → "message.created". */
export const eventName = (type: WebhookEventType) => type.toLowerCase().replace('_', '.');
