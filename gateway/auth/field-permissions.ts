import { Permission } from './permission.js';

/**
 * Who may read the fields of the types that carry personal data, wherever a request
 * reaches them: a root field, a relation (Conversation.customer, Message.sender,
 * Participant.actor, …), a union member or a subscription event. Scopes on root fields
 * alone let a `conversations:read` key read every customer's phone number through
 * `conversations { customer { phone } }` (issue 14).
 *
 * The one list: the schema build wraps exactly these fields (`field-guard.ts`, decided in `auth-checker.ts`)
 * and `tests/gateway/auth/field-permissions.test.ts` walks the schema from every root
 * field a partner can call and fails on a reachable type or field not classified here.
 */

/** Whoever reached the object may read the field. */
export const OPEN = 'OPEN';
/** Staff of the pharmacy only; anyone else reads null without an error, as the SDL says. */
export const COLLEAGUES = 'COLLEAGUES';

/** A `Permission` means: without it the field is null with a FORBIDDEN error naming the missing scope. */
export type FieldRule = typeof OPEN | typeof COLLEAGUES | Permission;

export const PERSONAL_DATA_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  Customer: {
    id: OPEN,
    // Who a thread is with and who wrote a message: an inbox without it is no inbox, so
    // conversations:read keeps it (the partner example lists "name: last message").
    // Contact details are what lets someone be reached outside the pharmacy; those need customers:read.
    name: OPEN,
    createdAt: OPEN,
    phone: Permission.READ_CUSTOMERS,
    email: Permission.READ_CUSTOMERS,
    externalId: Permission.READ_CUSTOMERS,
  },
  StaffMember: {
    id: OPEN,
    // Signed under every reply the customer reads, so no secret; staff:read is about listing the team.
    name: OPEN,
    role: OPEN,
    createdAt: OPEN,
    email: COLLEAGUES,
  },
};

/**
 * Types a partner can reach that hold no personal data of their own: what they show is
 * governed by the scope of the root field that reached them (message text and files by
 * conversations:read), and people in them are a Customer, StaffMember or PartnerApp,
 * guarded above. A new type reachable by partners must be put here or above.
 */
export const TYPES_WITHOUT_PERSONAL_DATA: ReadonlySet<string> = new Set([
  'Attachment',
  'BusinessHoursRange',
  'ChannelStats',
  'ChatToken',
  'Conversation',
  'ConversationConnection',
  'ConversationEdge',
  'ConversationEvent',
  'ConversationStats',
  'ConversationStatusCount',
  'CreatedWebhookEndpoint',
  'CustomerConnection',
  'CustomerEdge',
  'DurationStats',
  'Message',
  'MessageConnection',
  'MessageEdge',
  'MessageSearchConnection',
  'MessageSearchHit',
  'MessageSearchHitEdge',
  'Organization',
  'OrganizationSettings',
  'PageInfo',
  'Participant',
  'PartnerApp',
  'PresenceEvent',
  'Reaction',
  'ReadReceipt',
  'SnippetPart',
  // What signIn answers the one who signed in: their token and their own StaffMember.
  'StaffSession',
  'StaffMemberStats',
  'SystemEvent',
  'TypingEvent',
  'Viewer',
  'WebhookDelivery',
  'WebhookDeliveryAttempt',
  'WebhookDeliveryConnection',
  'WebhookDeliveryEdge',
  // `data` refers to customers as { __typename, id } only (gateway/webhooks/webhook-payloads.ts).
  'WebhookEvent',
  'WebhookEndpoint',
  'WidgetConfig',
]);
