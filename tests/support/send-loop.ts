import { expect } from '@jest/globals';
import pg from 'pg';
import { postGraphQL } from './gateway-process.js';
import type { ConversationMember } from './demo-pharmacy.js';

const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id sequence } }`;
/** Pause before retrying a failed send; short, so an outage sees many attempts. */
const RETRY_DELAY_MS = 100;
/** How long `finish` and the waits give the senders, so a gateway that never recovers fails the test. */
const DEFAULT_WAIT_MS = 30_000;

/** A send the gateway answered with success: the client may forget it. */
export interface Acknowledged {
  clientMessageId: string;
  conversationId: string;
  id: string;
  sequence: number;
}

/** One attempt that did not get a success. */
export interface FailedAttempt {
  clientMessageId: string;
  at: number;
  /** `network`: no answer (refused, reset, timed out); `response`: an answer without the message. */
  kind: 'network' | 'response';
  status?: number;
  /** The errors of a GraphQL answer, or the text of an answer that was not JSON. */
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  raw?: string;
  cause?: string;
}

export interface SendLoop {
  readonly acknowledged: readonly Acknowledged[];
  readonly failures: readonly FailedAttempt[];
  /** Resolves once at least `count` more sends than now have been acknowledged. */
  waitForMore(count: number, timeoutMs?: number): Promise<void>;
  /** Each sender finishes the message it is on (retrying until acknowledged), then stops. */
  finish(timeoutMs?: number): Promise<void>;
}

/**
 * Every member sends message after message, each with a new client message id,
 * retrying it with the same id until the gateway acknowledges it: what a client does
 * through an outage. The gateway is reached at `url`, whichever process serves it now.
 */
export function startSendLoop(url: string, members: ConversationMember[], prefix: string): SendLoop {
  const acknowledged: Acknowledged[] = [];
  const failures: FailedAttempt[] = [];
  let finishing = false;
  /** Set when `finish` gave up: the senders stop retrying, so nothing outlives the test. */
  let abandoned = false;

  const sendUntilAcknowledged = async (member: ConversationMember, clientMessageId: string) => {
    const input = { conversationId: member.conversationId, body: `${member.name}: ${clientMessageId}`, clientMessageId };
    while (!abandoned) {
      const at = Date.now();
      try {
        const response = await postGraphQL(url, SEND, { input }, member.token);
        const message = response.data?.sendMessage;
        if (message && !response.errors) {
          acknowledged.push({ clientMessageId, conversationId: member.conversationId, id: message.id, sequence: message.sequence });
          return;
        }
        failures.push({ clientMessageId, at, kind: 'response', status: response.status, errors: response.errors, raw: response.raw });
      } catch (error) {
        failures.push({ clientMessageId, at, kind: 'network', cause: String((error as Error).cause ?? error) });
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  };

  const done = Promise.all(
    members.map(async (member, index) => {
      for (let count = 1; !finishing && !abandoned; count += 1) {
        await sendUntilAcknowledged(member, `${prefix}-${index}-${count}`);
      }
    }),
  );
  const progress = () => `${acknowledged.length} acknowledged, last failure: ${JSON.stringify(failures.at(-1))}`;

  return {
    acknowledged,
    failures,
    async waitForMore(count, timeoutMs = DEFAULT_WAIT_MS) {
      const target = acknowledged.length + count;
      const deadline = Date.now() + timeoutMs;
      while (acknowledged.length < target) {
        if (Date.now() > deadline) throw new Error(`Not ${count} more acknowledged sends within ${timeoutMs} ms (${progress()})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async finish(timeoutMs = DEFAULT_WAIT_MS) {
      finishing = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      const outcome = await Promise.race([done, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        abandoned = true;
        throw new Error(`The senders did not finish within ${timeoutMs} ms (${progress()})`);
      }
    },
  };
}

/** What PostgreSQL holds for the loop's messages, read with the owner's own connection. */
export interface StoredMessages {
  /** Every row whose client message id the loop made, whoever sent it. */
  rows: { id: string; clientMessageId: string; conversationId: string; sequence: number }[];
  /** conversationId → every sequence in it, ascending, and the conversation's last_sequence. */
  conversations: Map<string, { sequences: number[]; lastSequence: number }>;
}

export async function readStoredMessages(ownerUrl: string, conversationIds: string[], prefix: string): Promise<StoredMessages> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const rows = await client.query<{ id: string; client_message_id: string; conversation_id: string; sequence: number }>(
      `SELECT id, client_message_id, conversation_id, sequence FROM message WHERE client_message_id LIKE $1`,
      [`${prefix}-%`],
    );
    const conversations = await client.query<{ id: string; last_sequence: number; sequences: number[] }>(
      `SELECT conversation.id, conversation.last_sequence,
              coalesce(array_agg(message.sequence ORDER BY message.sequence) FILTER (WHERE message.id IS NOT NULL), '{}') AS sequences
         FROM conversation LEFT JOIN message ON message.conversation_id = conversation.id
        WHERE conversation.id = ANY($1::uuid[]) GROUP BY conversation.id`,
      [conversationIds],
    );
    return {
      rows: rows.rows.map((row) => ({ id: row.id, clientMessageId: row.client_message_id, conversationId: row.conversation_id, sequence: row.sequence })),
      conversations: new Map(conversations.rows.map((row) => [row.id, { sequences: row.sequences, lastSequence: row.last_sequence }])),
    };
  } finally {
    await client.end();
  }
}

/**
 * Every acknowledged send is stored exactly once, as the client was told (id, conversation,
 * sequence); and nothing else is, since the loop retried every send until acknowledged.
 */
export function expectEverySendStoredOnce(loop: SendLoop, stored: StoredMessages): void {
  const sorted = <T extends { clientMessageId: string }>(items: readonly T[]) => [...items].sort((a, b) => a.clientMessageId.localeCompare(b.clientMessageId));
  expect(loop.acknowledged.length).toBeGreaterThan(0);
  expect(sorted(stored.rows)).toEqual(sorted(loop.acknowledged));
}

/** Each conversation's sequence numbers are 1 to its last, without gaps or repeats. */
export function expectDenseSequences(stored: StoredMessages): void {
  expect(stored.conversations.size).toBeGreaterThan(0);
  for (const { sequences, lastSequence } of stored.conversations.values()) {
    expect(sequences).toEqual(Array.from({ length: lastSequence }, (_, index) => index + 1));
  }
}
