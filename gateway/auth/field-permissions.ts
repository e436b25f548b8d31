import { Permission } from './permission.js';

/**
 * Who may read the fields of the types that carry personal data, wherever a request
 * reaches them: a root field, a relation (Conversation.customer, Message.sender,
 * Participant.actor, …), a union member, a mutation's answer or a subscription event.
 * Scopes on root fields alone let a `conversations:read` key read every customer's phone
 * number through `conversations { customer { phone } }`, and a `messages:write` key any
 * message's text through `addReaction(messageId) { body }` (issue 14).
 *
 * The one list: the schema build wraps exactly these fields (`field-guard.ts`, decided in `auth-checker.ts`)
 * and `tests/gateway/auth/field-permissions.test.ts` walks the schema from every root
 * field a partner can call and fails on a reachable type or field not classified here,
 * and on conversation content reachable without passing a field that needs conversations:read.
 */

/** Whoever reached the object may read the field. */
export const OPEN = 'OPEN';
/** Staff of the pharmacy only; anyone else (even on their own record) reads null without an error, as the SDL says. */
export const COLLEAGUES = 'COLLEAGUES';

/**
 * The permission is needed even on the viewer's own writes: for what others added to them
 * (the reactions on a key's own message).
 */
export interface EvenOnOwn {
  readonly evenOnOwn: Permission;
}

/**
 * A `Permission` (or `EvenOnOwn`) means: without it the field is null with a FORBIDDEN error
 * naming the missing scope. A plain `Permission` is waived on the viewer's own record and
 * writes (a customer's own phone number, the message a key sent itself; `auth-checker.ts`).
 */
export type FieldRule = typeof OPEN | typeof COLLEAGUES | Permission | EvenOnOwn;

/** The permission a rule asks for; undefined for OPEN and COLLEAGUES. */
export function permissionOf(rule: FieldRule): Permission | undefined {
  if (typeof rule === 'object') return rule.evenOnOwn;
  return rule === OPEN || rule === COLLEAGUES ? undefined : rule;
}

/**
 * What was said in a conversation, and by and to whom. conversations:read grants it; a key
 * without it (messages:write, conversations:write) reads back only what it wrote itself.
 *
 * Non-null fields among these (a message's attachments and reactions, a conversation's
 * messages and participants) are refused like the others, and their null makes the parent
 * null as GraphQL's non-null rule says, up to the whole `data` of a mutation's answer. The
 * SDL stays as it is: staff, customers and keys with conversations:read always pass, so only
 * a key that asks for what it may not read meets a null, and the error names the scope.
 */
const CONVERSATION_CONTENT = Permission.READ_CONVERSATIONS;

export const PERSONAL_DATA_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  Customer: {
    id: OPEN,
    // Who a thread is with and who wrote a message: an inbox without it is no inbox, so
    // conversations:read keeps it (the partner example lists "name: last message").
    // Contact details are what lets someone be reached outside the pharmacy; those need customers:read.
    name: OPEN,
    createdAt: OPEN,
    // Whether the record came from an unknown WhatsApp or SMS number (issue 22): a flag, not a detail.
    unverified: OPEN,
    phone: Permission.READ_CUSTOMERS,
    email: Permission.READ_CUSTOMERS,
    externalId: Permission.READ_CUSTOMERS,
    // Whether and how the customer can be reached outside the chat (issue 18).
    emailNotifications: Permission.READ_CUSTOMERS,
    smsNotifications: Permission.READ_CUSTOMERS,
    dateOfBirth: Permission.READ_CUSTOMERS,
    preferredLanguage: Permission.READ_CUSTOMERS,
    // What the team writes about the customer: never the customer's, nor a key's.
    staffNote: COLLEAGUES,
    blockedAt: COLLEAGUES,
  },
  StaffMember: {
    id: OPEN,
    // Signed under every reply the customer reads, so no secret; staff:read is about listing the team.
    name: OPEN,
    role: OPEN,
    createdAt: OPEN,
    // "Former staff" under their old replies: nothing private.
    active: OPEN,
    email: COLLEAGUES,
    twoFactorEnabled: COLLEAGUES,
  },
  Message: {
    // Where and when, not what: a key's own answer needs them, and they say nothing that was written.
    id: OPEN,
    conversationId: OPEN,
    sequence: OPEN,
    kind: OPEN,
    visibility: OPEN,
    createdAt: OPEN,
    editedAt: OPEN,
    deletedAt: OPEN,
    body: CONVERSATION_CONTENT,
    // Their signed URLs, file names and sizes are the files themselves.
    attachments: CONVERSATION_CONTENT,
    // On a key's own message: which message it answered; that message's own fields are guarded on it.
    replyTo: CONVERSATION_CONTENT,
    // Who wrote it: a customer's name is conversations:read's, and a key's own message names the key.
    sender: CONVERSATION_CONTENT,
    systemEvent: CONVERSATION_CONTENT,
    // Chosen by the sender's client; a key needs its own to reconcile a send.
    clientMessageId: CONVERSATION_CONTENT,
    // Others' answers to a message, even to the key's own.
    reactions: { evenOnOwn: CONVERSATION_CONTENT },
    // Sent, delivered, read or failed with the provider's reason (issue 22): a key follows its own reply's.
    delivery: OPEN,
  },
  Conversation: {
    // What conversations:write and messages:write act on: the thread, its state and who it is with.
    id: OPEN,
    status: OPEN,
    priority: OPEN,
    channel: OPEN,
    isDefault: OPEN,
    createdAt: OPEN,
    updatedAt: OPEN,
    lastActivityAt: OPEN,
    lastMessageAt: OPEN,
    lastSequence: OPEN,
    messageCount: OPEN,
    unreadCount: OPEN,
    customerOnline: OPEN,
    // The thread's place in the inbox, like status: times, never content.
    snoozedUntil: OPEN,
    waitingSince: OPEN,
    // Whether WhatsApp's 24-hour window is open and which templates the pharmacy may send: times and names, like lastMessageAt.
    whatsAppWindow: OPEN,
    // A Customer and a StaffMember: their own fields are guarded above (a name is what an inbox shows).
    customer: OPEN,
    assignee: OPEN,
    // Often says what the thread is about ("Insulin refill"); retention and erasure purge it with the messages.
    // Nothing records which key started a conversation, so there is no "own" subject.
    subject: CONVERSATION_CONTENT,
    lastMessage: CONVERSATION_CONTENT,
    messages: CONVERSATION_CONTENT,
    // Who is in the thread and how far each has read.
    participants: CONVERSATION_CONTENT,
    // The pharmacy's words about the thread ("Awaiting GP"): like its subject, conversations:read's for keys.
    // A customer reads none, without an error (label.resolver.ts): they are the team's words.
    labels: CONVERSATION_CONTENT,
  },
};

/**
 * Types that are conversation content through and through. A partner reaches them only
 * through a field above that needs conversations:read, or under a root field that needs it
 * itself (`conversations`, `searchMessages`, `conversationEvents`, …): the schema walk checks
 * both, so a new field that leads to them from elsewhere must be classified first.
 */
export const CONVERSATION_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'Attachment',
  'ConversationConnection',
  'ConversationEdge',
  'ConversationEvent',
  'MessageConnection',
  'MessageEdge',
  'MessageSearchConnection',
  'MessageSearchHit',
  'MessageSearchHitEdge',
  'Participant',
  'Reaction',
  'ReadReceipt',
  'SnippetPart',
  'SystemEvent',
  'TypingEvent',
]);

/**
 * Types a partner can reach that hold neither personal data of their own nor conversation
 * content: what they show is governed by the scope of the root field that reached them, and
 * people and messages in them are a Customer, StaffMember, PartnerApp or Message, guarded
 * above. A new type reachable by partners must be put here or above.
 */
export const TYPES_WITHOUT_PERSONAL_DATA: ReadonlySet<string> = new Set([
  'AutoReplySettings',
  'BusinessHoursRange',
  'ChannelStats',
  'ChatToken',
  'ConversationStats',
  'ConversationStatusCount',
  'CreatedWebhookEndpoint',
  'CustomerConnection',
  'CustomerEdge',
  'DurationStats',
  // The pharmacy's own words (name, colour), reached only through fields that need READ_LABELS.
  'Label',
  'LabelStats',
  // A reply's delivery state and the WhatsApp window (issue 22): states, times, template names.
  'MessageDelivery',
  'WhatsAppTemplate',
  'WhatsAppWindow',
  // Reached only through Customer.emailNotifications / smsNotifications, which need customers:read.
  'NotificationConsent',
  'Organization',
  'OrganizationSettings',
  'PageInfo',
  'PartnerApp',
  'PresenceEvent',
  // What signIn answers the one who signed in: their token and their own StaffMember.
  'StaffSession',
  // …or the second step their sign-in still needs.
  'SignInResult',
  'SignInChallenge',
  'StaffMemberStats',
  'Viewer',
  'WebhookDelivery',
  'WebhookDeliveryAttempt',
  'WebhookDeliveryConnection',
  'WebhookDeliveryEdge',
  // `data` refers to customers as { __typename, id } only (gateway/webhooks/webhook-payloads.ts). It
  // does hold message text, as delivered: webhooks:manage receives that at its endpoints anyway.
  'WebhookEvent',
  'WebhookEndpoint',
  'WidgetConfig',
]);
