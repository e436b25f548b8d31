import type { ActorRef } from '../../entities/actor-type.js';
import { Conversation } from '../../entities/conversation.entity.js';
import { Message } from '../../entities/message.entity.js';

/**
 * What travels on the bus. Always plain JSON (dates as ISO strings), in memory as
 * over Redis, so a single instance behaves exactly like several.
 */
export type Jsonified<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export enum ConversationEventKind {
  MESSAGE_ADDED = 'MESSAGE_ADDED',
  MESSAGE_EDITED = 'MESSAGE_EDITED',
  MESSAGE_DELETED = 'MESSAGE_DELETED',
  REACTIONS_CHANGED = 'REACTIONS_CHANGED',
  READ = 'READ',
}

export type MessageEventKind = Exclude<ConversationEventKind, ConversationEventKind.READ>;

export interface MessageEventPayload {
  kind: MessageEventKind;
  conversationId: string;
  message: Jsonified<Message>;
}

export interface ReadEventPayload {
  kind: ConversationEventKind.READ;
  conversationId: string;
  reader: ActorRef;
  sequence: number;
  readAt: string;
}

export type ConversationEventPayload = MessageEventPayload | ReadEventPayload;

export interface InboxEventPayload {
  conversation: Jsonified<Conversation>;
}

export interface TypingEventPayload {
  conversationId: string;
  actor: ActorRef;
  typing: boolean;
}

export interface PresenceEventPayload {
  actor: ActorRef;
  online: boolean;
}

/** Credentials that stopped being valid before they expire; sockets using them close. */
export type AccessRevokedPayload = { apiKeyId: string } | { customerId: string };

/**
 * Staff sessions that ended before their tokens expired (sign-out, deactivation, a role change,
 * a password reset…): every instance adds them to its revocation set and closes their sockets.
 * One channel for all pharmacies, since each instance keeps one set.
 */
export interface StaffSessionsEndedPayload {
  v: 1;
  sessions: { id: string; expiresAt: string }[];
}

/** Topic name → [id, payload]: one channel per conversation or organization. */
export interface Topics {
  conversation: [conversationId: string, payload: ConversationEventPayload];
  inbox: [organizationId: string, payload: InboxEventPayload];
  typing: [conversationId: string, payload: TypingEventPayload];
  presence: [organizationId: string, payload: PresenceEventPayload];
  access: [organizationId: string, payload: AccessRevokedPayload];
  /** Deliveries were queued: wakes the webhook workers of every instance. */
  webhooks: [channel: 'queued', payload: Record<string, never>];
  staffSessions: [channel: 'ended', payload: StaffSessionsEndedPayload];
}

const date = (value: string | null | undefined) => (value ? new Date(value) : null);

export function reviveMessage(json: Jsonified<Message>): Message {
  return Object.assign(new Message(), json, {
    createdAt: new Date(json.createdAt),
    editedAt: date(json.editedAt),
    deletedAt: date(json.deletedAt),
  });
}

export function reviveConversation(json: Jsonified<Conversation>): Conversation {
  return Object.assign(new Conversation(), json, {
    createdAt: new Date(json.createdAt),
    updatedAt: new Date(json.updatedAt),
    lastMessageAt: date(json.lastMessageAt),
    lastActivityAt: new Date(json.lastActivityAt),
  });
}
