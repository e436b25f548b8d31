import { randomUUID } from 'node:crypto';

/**
 * Fan-out latency runs from the moment the sender sent a message, on every server alike.
 * Stamping it server-side (the gateway's createdAt, or a baseline's publish time) starts the
 * clock only once the server gets to the request: a server behind on its work queues the
 * next publish in its socket, unmeasured, and looks as fast as one keeping up. The sender's
 * clock rides in the message's clientMessageId (any string of 1–100 characters, echoed to
 * every subscriber), so each subscriber reads it from the event it receives.
 */
export function stampedClientMessageId(sentAt = Date.now()): string {
  return `sent:${sentAt}:${randomUUID()}`;
}

/** The send time in a stamped clientMessageId, or undefined for any other. */
export function sentAtOf(clientMessageId: string | null | undefined): number | undefined {
  const match = clientMessageId ? /^sent:(\d+):/.exec(clientMessageId) : null;
  return match ? Number(match[1]) : undefined;
}
