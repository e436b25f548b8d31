/** What a webhook endpoint can subscribe to; the value is the `type` field of the delivered JSON. */
export enum WebhookEventType {
  MESSAGE_CREATED = 'message.created',
  MESSAGE_EDITED = 'message.edited',
  MESSAGE_DELETED = 'message.deleted',
  CONVERSATION_CREATED = 'conversation.created',
  CONVERSATION_STATUS_CHANGED = 'conversation.status_changed',
  CONVERSATION_ASSIGNED = 'conversation.assigned',
  /** A label was put on the thread or taken off it; `data.conversation.labels` is the new set. */
  CONVERSATION_LABELS_CHANGED = 'conversation.labels_changed',
}
