import type { FieldPolicy, Reference, TypePolicies } from '@apollo/client';

/**
 * `Conversation.lastMessage` only ever moves forward: sequences grow, and a conversation
 * that has a last message never loses it (purged or deleted messages stay as tombstones).
 * A query that was answered before a send can still arrive after the live event for it
 * (a refetch started when a thread was created, say); without this its older last
 * message would wind the preview back to "No messages yet". (A refetch reaches this only
 * with `mergeOnRefetch` below.) So the one with the higher
 * sequence wins, and `null` never replaces a message. Selections of `lastMessage` must
 * include `sequence` for the comparison; without it the incoming value wins as usual.
 */
export const lastMessagePolicy: FieldPolicy<Reference | null> = {
  merge(existing, incoming, { readField }) {
    if (!existing) return incoming ?? null;
    if (!incoming) return existing;
    const existingSequence = readField<number>('sequence', existing);
    const incomingSequence = readField<number>('sequence', incoming);
    if (existingSequence === undefined || incomingSequence === undefined) return incoming;
    return incomingSequence >= existingSequence ? incoming : existing;
  },
};

/**
 * Apollo's `refetch()` overwrites by default: merge functions then get no existing value, and
 * the policy above cannot keep a newer last message from a live event. A query whose refetch
 * can race live events (the widget's thread list, refetched when a thread is created) asks
 * for a merge instead. Not for paginated lists, whose merges would keep stale pages.
 */
export const mergeOnRefetch = { refetchWritePolicy: 'merge' } as const;

/** Policies every Counterchat client's cache starts with; a client adds its own on top. */
export const sharedTypePolicies: TypePolicies = {
  Conversation: { fields: { lastMessage: lastMessagePolicy } },
};
