import type pg from 'pg';

export interface SeedOptions {
  slug: string;
  conversations: number;
  /** Messages in every conversation (alternating customer and staff). At least 1. */
  messagesPerConversation: number;
  /**
   * Staff members of the pharmacy (default 1), so that every load client can be a person of
   * its own, as with rate limits on they must: 120 messages a minute and 20 sockets per person.
   */
  staffMembers?: number;
  /** How many of them (the first ones) have read all but the newest message everywhere (default 1). */
  readingStaff?: number;
}

export interface SeededOrganization {
  organizationId: string;
  /** The first staff member: the one who wrote the seeded staff messages. */
  staffId: string;
  /** Every staff member, `staffId` first. */
  staffIds: string[];
  /** Oldest activity first is not needed by anyone; these are in creation order. */
  conversationIds: string[];
}

/**
 * Seeds one pharmacy with server-side `INSERT … SELECT generate_series(…)`: no rows cross
 * the wire, so 100k conversations with 50 messages each take about a minute, not an hour.
 * The reading staff members have read all but the newest message everywhere (one unread each);
 * the others have never opened a conversation.
 */
export async function seedOrganization(db: pg.Pool, options: SeedOptions): Promise<SeededOrganization> {
  const { slug, conversations, messagesPerConversation: messages } = options;
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const { rows: [organization] } = await client.query(`INSERT INTO organization (name, slug) VALUES ($1, $2) RETURNING id`, [`Bench ${slug}`, slug]);
    const organizationId: string = organization.id;
    const { rows: [staff] } = await client.query(
      `INSERT INTO staff_user (organization_id, email, name, role, password_hash) VALUES ($1, $2, 'Bench Pharmacist', 'PHARMACIST', 'not-a-hash') RETURNING id`,
      [organizationId, `pharmacist@${slug}.bench`],
    );
    const staffId: string = staff.id;
    await client.query(
      `INSERT INTO staff_user (organization_id, email, name, role, password_hash)
       SELECT $1, 'pharmacist-' || g || '@' || $2 || '.bench', 'Bench Pharmacist ' || g, 'PHARMACIST', 'not-a-hash' FROM generate_series(2, $3::int) g`,
      [organizationId, slug, options.staffMembers ?? 1],
    );
    const { rows: staffRows } = await client.query<{ id: string }>(
      `SELECT id FROM staff_user WHERE organization_id = $1 AND id <> $2 ORDER BY email COLLATE "C"`,
      [organizationId, staffId],
    );
    const staffIds = [staffId, ...staffRows.map((row) => row.id)];
    const readers = staffIds.slice(0, Math.max(1, options.readingStaff ?? 1));
    await client.query(
      `INSERT INTO customer (organization_id, name, phone)
       SELECT $1, 'Customer ' || g, '+316' || lpad(g::text, 8, '0') FROM generate_series(1, $2::int) g`,
      [organizationId, conversations],
    );
    await client.query(
      `INSERT INTO conversation (organization_id, customer_id, subject, channel, last_activity_at, created_at)
       SELECT $1, id, 'Question about ' || name, 'WIDGET', now() - random() * interval '30 days', now() - interval '31 days'
         FROM customer WHERE organization_id = $1`,
      [organizationId],
    );
    await client.query(
      `INSERT INTO message (organization_id, conversation_id, sequence, kind, sender_type, sender_id, body, created_at)
       SELECT $1, c.id, s, 'TEXT',
              CASE WHEN s % 2 = 1 THEN 'CUSTOMER' ELSE 'STAFF' END::actor_type,
              CASE WHEN s % 2 = 1 THEN c.customer_id ELSE $2::uuid END,
              'Message ' || s || ': is my repeat prescription for amoxicillin ready for pickup?',
              c.last_activity_at - ($3::int - s) * interval '1 minute'
         FROM conversation c CROSS JOIN generate_series(1, $3::int) s
        WHERE c.organization_id = $1`,
      [organizationId, staffId, messages],
    );
    // Fresh statistics first: without them the planner takes millions of new rows for a few
    // and joins them by nested loop, which turns this update from seconds into hours.
    await client.query('ANALYZE message');
    await client.query('ANALYZE conversation');
    await client.query(
      `UPDATE conversation c
          SET last_sequence = m.sequence, message_count = m.sequence, last_message_id = m.id,
              last_message_at = m.created_at, last_activity_at = m.created_at
         FROM message m
        WHERE m.conversation_id = c.id AND m.sequence = $2::int AND c.organization_id = $1`,
      [organizationId, messages],
    );
    await client.query(
      `INSERT INTO participant (organization_id, conversation_id, actor_type, actor_id, role, last_read_sequence)
       SELECT organization_id, id, 'CUSTOMER'::actor_type, customer_id, 'CUSTOMER'::participant_role, last_sequence FROM conversation WHERE organization_id = $1
       UNION ALL
       SELECT c.organization_id, c.id, 'STAFF'::actor_type, reader, 'AGENT'::participant_role, c.last_sequence - 1
         FROM conversation c CROSS JOIN unnest($2::uuid[]) reader WHERE c.organization_id = $1`,
      [organizationId, readers],
    );
    const { rows } = await client.query(`SELECT id FROM conversation WHERE organization_id = $1 ORDER BY created_at, id`, [organizationId]);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { organizationId, staffId, staffIds, conversationIds: rows.map((row: { id: string }) => row.id) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
