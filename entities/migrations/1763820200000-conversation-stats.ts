import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What conversationStats needs (resolvers/stats/conversation-stats-query.ts).
 *
 * `message_system_idx`: resolution time looks for the first STATUS_CHANGED → RESOLVED
 * after a sequence; without it, an unresolved conversation is read message by message
 * to its end. SYSTEM messages are few, so the partial index is small.
 *
 * `business_seconds(start, finish, hours, zone)`: how many seconds of [start, finish)
 * fall inside opening hours. `hours` is the organization's `settings.businessHours`
 * (`[{ "day": 0-6 (0 = Sunday), "opens": "HH:MM", "closes": "HH:MM" }]`) in the IANA
 * time zone `zone`. For every local date from start to finish, each range of that
 * weekday becomes two instants with `(date + time) AT TIME ZONE zone`, so PostgreSQL
 * applies the zone's DST rules (a 09:00-17:00 day is 8 hours on either side of a
 * change). Ranges that close before they open count as nothing; overlapping ranges of
 * one day would be counted twice, so settings should not have them.
 */
export class ConversationStats1763820200000 implements MigrationInterface {
  name = 'ConversationStats1763820200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX message_system_idx ON message (conversation_id, sequence) WHERE kind = 'SYSTEM'`);
    await db.query(`
      CREATE FUNCTION business_seconds(start timestamptz, finish timestamptz, hours jsonb, zone text)
      RETURNS double precision
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT COALESCE(sum(GREATEST(0, extract(epoch FROM
                 LEAST(finish, (local_day + (range->>'closes')::time) AT TIME ZONE zone)
               - GREATEST(start, (local_day + (range->>'opens')::time) AT TIME ZONE zone)))), 0)::double precision
          FROM generate_series((start AT TIME ZONE zone)::date::timestamp,
                               (finish AT TIME ZONE zone)::date::timestamp,
                               interval '1 day') AS local_day
          JOIN jsonb_array_elements(CASE WHEN jsonb_typeof(hours) = 'array' THEN hours ELSE '[]'::jsonb END) AS range
            ON (range->>'day')::int = extract(dow FROM local_day)::int
         WHERE finish > start
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION business_seconds(timestamptz, timestamptz, jsonb, text)`);
    await db.query(`DROP INDEX message_system_idx`);
  }
}
