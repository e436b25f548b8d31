import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface RawSend {
  organizationId: string;
  staffId: string;
  conversationId: string;
  body: string;
  clientMessageId?: string;
}

export interface RawSentMessage {
  id: string;
  sequence: number;
  createdAt: Date;
  clientMessageId: string;
}

/**
 * What sendMessage does to the database, as hand-written SQL in one transaction: lock the
 * thread, look for a retried send, insert, move the thread's sequence, move the writer's
 * read position. No row-level security, tenant settings, outbox, audit or ORM. The raw `pg`
 * baseline runs it bare; the GraphQL-stack floor runs it behind Apollo Server.
 */
export async function sendRaw(client: pg.PoolClient, send: RawSend): Promise<RawSentMessage> {
  const { organizationId, staffId, conversationId } = send;
  const clientMessageId = send.clientMessageId ?? randomUUID();
  await client.query('BEGIN');
  try {
    const {
      rows: [conversation],
    } = await client.query('SELECT id, last_sequence FROM conversation WHERE id = $1 AND organization_id = $2 FOR UPDATE', [conversationId, organizationId]);
    await client.query(`SELECT id FROM message WHERE conversation_id = $1 AND sender_type = 'STAFF' AND sender_id = $2 AND client_message_id = $3`, [
      conversationId,
      staffId,
      clientMessageId,
    ]);
    const sequence = (conversation as { last_sequence: number }).last_sequence + 1;
    const {
      rows: [message],
    } = await client.query(
      `INSERT INTO message (organization_id, conversation_id, sequence, kind, sender_type, sender_id, body, client_message_id)
       VALUES ($1, $2, $3, 'TEXT', 'STAFF', $4, $5, $6) RETURNING id, created_at`,
      [organizationId, conversationId, sequence, staffId, send.body, clientMessageId],
    );
    const { id, created_at: createdAt } = message as { id: string; created_at: Date };
    await client.query(
      `UPDATE conversation SET last_sequence = $2, last_message_id = $3, last_message_at = $4, last_activity_at = $4,
              message_count = message_count + 1, updated_at = now() WHERE id = $1`,
      [conversationId, sequence, id, createdAt],
    );
    await client.query(
      `INSERT INTO participant (organization_id, conversation_id, actor_type, actor_id, role, last_read_sequence, last_read_at)
       VALUES ($1, $2, 'STAFF', $3, 'AGENT', $4, now())
       ON CONFLICT (conversation_id, actor_type, actor_id)
       DO UPDATE SET last_read_sequence = GREATEST(participant.last_read_sequence, EXCLUDED.last_read_sequence), last_read_at = now()`,
      [organizationId, conversationId, staffId, sequence],
    );
    await client.query('COMMIT');
    return { id, sequence, createdAt, clientMessageId };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
