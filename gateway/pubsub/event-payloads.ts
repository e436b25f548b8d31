import type { ActorRef, ActorType } from '../../entities/actor-type.js';
import type { ConversationChannel, ConversationPriority, ConversationStatus } from '../../entities/conversation.entity.js';
import type { MessageKind, MessageVisibility, SystemEvent } from '../../entities/message.entity.js';
import type { MessageDeliveryState } from '../../entities/message-delivery.entity.js';
import type { CallEventPayload } from './call-payloads.js';

/**
 * What travels on the bus: explicit, serializable payloads, never entities. Always plain
 * JSON (dates as ISO strings), in memory as over Redis, so one instance behaves exactly
 * like several.
 *
 * Versioned for rolling deploys, when instances of two releases share Redis: every payload
 * says `v`, and a reader drops a version it does not know (event-versions.ts). A field
 * added within a version is optional for one release; a change an older reader would
 * misread takes a new version. Payloads without `v` come from the release before this one
 * (the entities cast to JSON) and are read as version 1 with what they lack left unknown.
 */
export const EVENT_VERSION = 1;

export enum ConversationEventKind {
  MESSAGE_ADDED = 'MESSAGE_ADDED',
  MESSAGE_EDITED = 'MESSAGE_EDITED',
  MESSAGE_DELETED = 'MESSAGE_DELETED',
  REACTIONS_CHANGED = 'REACTIONS_CHANGED',
  /** A reply sent through WhatsApp or SMS was sent, delivered, read or failed (issue 22): subscribers read its delivery as they run. */
  DELIVERY_CHANGED = 'DELIVERY_CHANGED',
  READ = 'READ',
}

export type MessageEventKind = Exclude<ConversationEventKind, ConversationEventKind.READ>;

/** Who sent or reacted, with the name clients show. `name` null: the publisher did not know it. */
export interface PublishedActor {
  type: ActorType;
  id: string;
  name: string | null;
  /**
   * Staff only: whether they were active (not deactivated) when published, which the
   * dashboard shows beside every staff sender. Absent: not known (another kind of actor, or
   * an instance of the release before), and subscribers load it.
   */
  active?: boolean;
}

/** A file's metadata. Download links are signed per viewer when a subscriber resolves them. */
export interface PublishedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  createdAt: string;
}

export interface PublishedReaction {
  id: string;
  emoji: string;
  actor: ActorRef;
  createdAt: string;
}

/** How a reply through WhatsApp or SMS fares (the fields `MessageDelivery` shows). */
export interface PublishedDelivery {
  state: MessageDeliveryState;
  reason: string | null;
  updatedAt: string;
}

/**
 * A message with what subscribers resolve without a query. `attachments` and `reactions`
 * are left out when the publisher did not have them at hand (and in events of the previous
 * release): subscribers then load them. Reactions travel with a new message only (none
 * yet); REACTIONS_CHANGED leaves them to subscribers, who read them as they run, so two
 * changes published out of order can't leave a client showing the older list.
 */
export interface PublishedMessage {
  id: string;
  conversationId: string;
  sequence: number;
  kind: MessageKind;
  /** Absent in events of the release before it: every message was for everyone then. Subscribers filter on it (message-audience.ts). */
  visibility?: MessageVisibility;
  /** Null for SYSTEM messages. */
  sender: PublishedActor | null;
  body: string | null;
  systemEvent: SystemEvent | null;
  replyToId: string | null;
  clientMessageId: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  attachments?: PublishedAttachment[];
  reactions?: PublishedReaction[];
  /**
   * Null when the message has none: a message of a thread without a channel connection never
   * has one. Left out when the publisher did not know (a channel reply's row is written after
   * the message; DELIVERY_CHANGED leaves it to subscribers, as REACTIONS_CHANGED does).
   */
  delivery?: PublishedDelivery | null;
}

/**
 * Read only by instances of the previous release, which revive the message as an entity
 * and look for its sender there. Remove once no such instance shares Redis.
 */
export interface PreviousReleaseMessageFields {
  senderType: ActorType | null;
  senderId: string | null;
}

/**
 * The conversation row as the inbox shows it; `lastSequence` is what unread counts are
 * measured against.
 */
export interface PublishedConversation {
  id: string;
  organizationId: string;
  customerId: string;
  subject: string | null;
  status: ConversationStatus;
  priority: ConversationPriority;
  channel: ConversationChannel;
  assigneeId: string | null;
  isDefault: boolean;
  lastSequence: number;
  messageCount: number;
  lastMessageId: string | null;
  lastMessageAt: string | null;
  lastActivityAt: string;
  createdAt: string;
  updatedAt: string;
  /** Left out by instances of an earlier release: read as null. */
  snoozedUntil?: string | null;
  /** Left out by instances of an earlier release: read as null. */
  awaitingSince?: string | null;
  /**
   * The message `lastMessageId` names (null when there is none yet). Left out when the
   * publisher did not have it at hand: subscribers then load it.
   */
  lastMessage?: PublishedMessage | null;
}

export interface MessageEventPayload {
  v: typeof EVENT_VERSION;
  kind: MessageEventKind;
  conversationId: string;
  message: PublishedMessage;
}

export interface ReadEventPayload {
  v: typeof EVENT_VERSION;
  kind: ConversationEventKind.READ;
  conversationId: string;
  reader: ActorRef;
  sequence: number;
  readAt: string;
}

export type ConversationEventPayload = MessageEventPayload | ReadEventPayload;

/**
 * An inbox row changed. Unread counts stay each viewer's own, but what a subscriber that
 * knows its previous count needs to work out the next without a query travels here: the
 * row's `lastSequence`, its last message's sequence, kind and sender type, and a read
 * position that moved.
 */
export interface InboxEventPayload {
  v: typeof EVENT_VERSION;
  conversation: PublishedConversation;
  /** Set when the change is someone's read position moving to `sequence` (up by reading, back by "mark as unread"). */
  read?: { reader: ActorRef; sequence: number };
}

export interface TypingEventPayload {
  v: typeof EVENT_VERSION;
  conversationId: string;
  actor: ActorRef;
  typing: boolean;
}

export interface PresenceEventPayload {
  v: typeof EVENT_VERSION;
  actor: ActorRef;
  online: boolean;
}

/** Credentials that stopped being valid before they expire; sockets using them close. */
export type AccessRevokedPayload = { v: typeof EVENT_VERSION } & ({ apiKeyId: string } | { customerId: string });

/** Deliveries were queued: wakes the webhook workers of every instance. */
export interface WebhooksQueuedPayload {
  v: typeof EVENT_VERSION;
}

/**
 * Staff sessions that ended before their tokens expired (sign-out, deactivation, a role change,
 * a password reset…): every instance adds them to its revocation set and closes their sockets.
 * One channel for all pharmacies, since each instance keeps one set.
 */
export interface StaffSessionsEndedPayload {
  v: typeof EVENT_VERSION;
  sessions: { id: string; expiresAt: string }[];
}

/** Topic name → [id, payload]: one channel per conversation or organization. */
export interface Topics {
  conversation: [conversationId: string, payload: ConversationEventPayload];
  inbox: [organizationId: string, payload: InboxEventPayload];
  typing: [conversationId: string, payload: TypingEventPayload];
  /** A video call's state and signalling (call-payloads.ts), one channel per call. */
  call: [callId: string, payload: CallEventPayload];
  presence: [organizationId: string, payload: PresenceEventPayload];
  /**
   * Where the release before this one listens for revocations, one channel per pharmacy; still
   * published to until no instance of it is left. This release listens on `accessRevoked`.
   */
  access: [organizationId: string, payload: AccessRevokedPayload];
  /** Revocations for every pharmacy on one channel, subscribed from the start (auth/access-revocations.ts). */
  accessRevoked: [channel: 'all', payload: AccessRevokedPayload];
  webhooks: [channel: 'queued', payload: WebhooksQueuedPayload];
  staffSessions: [channel: 'ended', payload: StaffSessionsEndedPayload];
}
