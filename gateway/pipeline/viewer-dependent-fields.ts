/**
 * Every field a subscription can reach, by whether its value can differ between two
 * subscribers of one viewer class (the same organization, kind and permissions: see
 * `subscription-group.ts`) on the same event. A live event is resolved once per group of
 * subscribers whose document selects only fields of the first list; a document that selects
 * anything else (a field listed as viewer-dependent, or one nobody classified yet) is resolved
 * per viewer. tests/gateway/pipeline/viewer-dependent-fields.test.ts walks the schema from
 * the Subscription type and fails on a reachable field missing from both lists, so a new
 * field is classified by someone who read its resolver, not shared by accident.
 *
 * Access rules on fields (`gateway/auth/field-permissions.ts`) are part of the class: its
 * permissions, and the viewer's identity wherever "own" records count (customers, keys).
 */

/**
 * The same for every viewer of a class: columns of the event's rows, relations loaded through
 * the tenant scope (the organization's rows, a customer's own), the pharmacy's presence,
 * signed links (they name the file, not the reader).
 */
export const VIEWER_INDEPENDENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Subscription: ['callEvents', 'conversationEvents', 'inboxEvents', 'presenceChanged', 'typing'],
  // A call's events: each side's stream holds only the other side's signals, but an event reads alike for everyone it reaches.
  CallEvent: ['call', 'callId', 'candidate', 'from', 'kind', 'media', 'sdp', 'side'],
  // The row's columns; the duration is counted from them.
  Call: ['answeredAt', 'conversationId', 'createdAt', 'durationSeconds', 'endedAt', 'id', 'startedBy', 'state'],
  IceCandidate: ['candidate', 'sdpMLineIndex', 'sdpMid', 'usernameFragment'],
  CallMediaState: ['audioMuted', 'screenSharing', 'videoMuted'],
  // Reached only through Call.iceServers, which is resolved per viewer.
  IceServer: ['credential', 'urls', 'username'],
  ConversationEvent: ['conversationId', 'kind', 'message', 'read'],
  Conversation: [
    'assignee',
    'channel',
    'createdAt',
    'customer',
    // The pharmacy's presence, the same for everyone who asks.
    'customerOnline',
    'id',
    'isDefault',
    // Loaded through the tenant scope: the organization's, the same for every reader allowed them.
    'labels',
    'lastActivityAt',
    'lastMessage',
    'lastMessageAt',
    'lastSequence',
    'messageCount',
    // Records a read: each subscriber's is replayed into its own audit.
    'messages',
    // Everyone's read positions, the same list for every reader.
    'participants',
    'priority',
    // The row's column, null for every customer (a customer's class is the customer).
    'snoozedUntil',
    'status',
    'subject',
    'updatedAt',
    // As snoozedUntil.
    'waitingSince',
    // The thread's WhatsApp connection and its customer's last message: the pharmacy's rows, the same for every reader.
    'whatsAppWindow',
  ],
  PresenceEvent: ['actor', 'online'],
  Label: ['colour', 'createdAt', 'id', 'name'],
  TypingEvent: ['actor', 'conversationId', 'typing'],
  Message: [
    'attachments',
    'body',
    'clientMessageId',
    'conversationId',
    'createdAt',
    'deletedAt',
    // The reply's delivery row, loaded through the tenant scope.
    'delivery',
    'editedAt',
    'id',
    'kind',
    'reactions',
    'replyTo',
    // From the event for staff and keys; a customer's class is the customer (actor-from-event.ts).
    'sender',
    'sequence',
    'systemEvent',
    'visibility',
  ],
  ReadReceipt: ['readAt', 'reader', 'sequence'],
  StaffMember: ['active', 'createdAt', 'email', 'id', 'name', 'role', 'twoFactorEnabled'],
  Customer: ['blockedAt', 'createdAt', 'dateOfBirth', 'email', 'emailNotifications', 'externalId', 'id', 'name', 'phone', 'preferredLanguage', 'smsNotifications', 'staffNote', 'unverified'],
  // Whether a customer gets reply notices on a channel: the customer's record, the same for every reader allowed to see it.
  NotificationConsent: ['active', 'consentedAt', 'optedOutAt'],
  PartnerApp: ['id', 'name'],
  MessageConnection: ['edges', 'pageInfo'],
  MessageEdge: ['cursor', 'node'],
  PageInfo: ['endCursor', 'hasNextPage', 'hasPreviousPage', 'startCursor'],
  Participant: ['actor', 'id', 'joinedAt', 'lastReadAt', 'lastReadSequence', 'role'],
  Attachment: ['byteSize', 'contentType', 'createdAt', 'fileName', 'height', 'id', 'isImage', 'sha256', 'thumbnailUrl', 'url', 'width'],
  Reaction: ['actor', 'createdAt', 'emoji', 'id'],
  SystemEvent: ['callId', 'durationSeconds', 'from', 'to', 'type'],
  MessageDelivery: ['reason', 'state', 'updatedAt'],
  WhatsAppWindow: ['closesAt', 'lastCustomerMessageAt', 'open', 'templates'],
  WhatsAppTemplate: ['language', 'name'],
};

/** Whose value is the viewer's own: resolved per viewer, never shared within a class. */
export const VIEWER_DEPENDENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // Past the viewer's own read position (gateway/loaders/unread-count-loader.ts).
  Conversation: ['unreadCount'],
  // TURN credentials made when resolved, for participants only (JOIN_CALLS).
  Call: ['iceServers'],
};

/**
 * Arguments of a subscription's root field that only choose its stream (which conversation,
 * where a replay starts): its `subscribe` reads them, and the event's resolver ignores them,
 * so subscribers who differ only in these resolve each event alike. Any other argument or
 * variable is part of the group.
 */
export const STREAM_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  conversationEvents: ['conversationId', 'afterSequence'],
  typing: ['conversationId'],
  callEvents: ['callId'],
};

/** Whether `typeName.fieldName` is listed as the same for every viewer of a class. */
export function isViewerIndependent(typeName: string, fieldName: string): boolean {
  return fieldName === '__typename' || (VIEWER_INDEPENDENT_FIELDS[typeName]?.includes(fieldName) ?? false);
}
