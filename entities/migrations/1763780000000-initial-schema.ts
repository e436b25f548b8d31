import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The backbone schema. Every tenant table carries `organization_id`, even where it
 * could be joined through a parent, so one rule scopes every query and row-level
 * security can later be switched on per table without joins.
 */
export class InitialSchema1763780000000 implements MigrationInterface {
  name = 'InitialSchema1763780000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE staff_role AS ENUM ('ADMIN', 'PHARMACIST', 'STAFF')`);
    await db.query(`CREATE TYPE conversation_status AS ENUM ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')`);
    await db.query(`CREATE TYPE conversation_priority AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT')`);
    await db.query(`CREATE TYPE conversation_channel AS ENUM ('WIDGET', 'DASHBOARD', 'PARTNER', 'SMS', 'WHATSAPP')`);
    await db.query(`CREATE TYPE actor_type AS ENUM ('STAFF', 'CUSTOMER', 'PARTNER')`);
    await db.query(`CREATE TYPE participant_role AS ENUM ('CUSTOMER', 'ASSIGNEE', 'AGENT', 'INTEGRATION')`);
    await db.query(`CREATE TYPE message_kind AS ENUM ('TEXT', 'SYSTEM')`);
    await db.query(`CREATE TYPE api_key_scope AS ENUM ('READ', 'WRITE')`);

    await db.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE staff_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        role staff_role NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX staff_user_organization_idx ON staff_user (organization_id)`);

    await db.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        name text NOT NULL,
        phone text CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
        email text,
        external_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX customer_external_id_key ON customer (organization_id, external_id) WHERE external_id IS NOT NULL`,
    );
    // Prefix search on name and phone (the inbox search box); text_pattern_ops serves LIKE 'x%'.
    await db.query(`CREATE INDEX customer_name_prefix_idx ON customer (organization_id, lower(name) text_pattern_ops)`);
    await db.query(`CREATE INDEX customer_phone_prefix_idx ON customer (organization_id, phone text_pattern_ops)`);

    await db.query(`
      CREATE TABLE conversation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        subject text,
        status conversation_status NOT NULL DEFAULT 'OPEN',
        priority conversation_priority NOT NULL DEFAULT 'NORMAL',
        channel conversation_channel NOT NULL,
        assignee_id uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        is_default boolean NOT NULL DEFAULT false,
        last_sequence integer NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
        message_count integer NOT NULL DEFAULT 0,
        last_message_id uuid,
        last_message_at timestamptz,
        last_activity_at timestamptz(3) NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The inbox: newest activity first, id as the tie-breaker that makes cursors stable.
    await db.query(
      `CREATE INDEX conversation_inbox_idx ON conversation (organization_id, last_activity_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX conversation_status_inbox_idx ON conversation (organization_id, status, last_activity_at DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX conversation_customer_idx ON conversation (customer_id)`);
    await db.query(`CREATE INDEX conversation_assignee_idx ON conversation (assignee_id) WHERE assignee_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX conversation_default_per_customer_key ON conversation (customer_id) WHERE is_default`);

    await db.query(`
      CREATE TABLE participant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        actor_type actor_type NOT NULL,
        actor_id uuid NOT NULL,
        role participant_role NOT NULL,
        last_read_sequence integer NOT NULL DEFAULT 0,
        last_read_at timestamptz,
        joined_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conversation_id, actor_type, actor_id)
      )`);
    await db.query(`CREATE INDEX participant_actor_idx ON participant (actor_type, actor_id)`);

    await db.query(`
      CREATE TABLE message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        sequence integer NOT NULL CHECK (sequence > 0),
        kind message_kind NOT NULL,
        sender_type actor_type,
        sender_id uuid,
        body text CHECK (char_length(body) <= 4000),
        system_event jsonb,
        reply_to_id uuid REFERENCES message(id) ON DELETE SET NULL,
        client_message_id text CHECK (char_length(client_message_id) <= 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        UNIQUE (conversation_id, sequence),
        CHECK ((kind = 'SYSTEM') = (sender_type IS NULL)),
        CHECK ((sender_type IS NULL) = (sender_id IS NULL))
      )`);
    // Idempotent sends: one message per sender and client message id in a conversation.
    await db.query(`
      CREATE UNIQUE INDEX message_client_id_key ON message (conversation_id, sender_type, sender_id, client_message_id)
      WHERE client_message_id IS NOT NULL`);
    await db.query(
      `ALTER TABLE conversation ADD CONSTRAINT conversation_last_message_fk FOREIGN KEY (last_message_id) REFERENCES message(id) ON DELETE SET NULL`,
    );

    await db.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        message_id uuid REFERENCES message(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        content_type text NOT NULL,
        byte_size integer NOT NULL CHECK (byte_size >= 0),
        sha256 text NOT NULL,
        storage_key text NOT NULL UNIQUE,
        width integer,
        height integer,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX attachment_message_idx ON attachment (message_id)`);
    await db.query(`CREATE INDEX attachment_conversation_idx ON attachment (conversation_id)`);

    await db.query(`
      CREATE TABLE reaction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES message(id) ON DELETE CASCADE,
        actor_type actor_type NOT NULL,
        actor_id uuid NOT NULL,
        emoji text NOT NULL CHECK (char_length(emoji) BETWEEN 1 AND 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (message_id, actor_type, actor_id, emoji)
      )`);

    await db.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        secret_hash text NOT NULL UNIQUE,
        scopes api_key_scope[] NOT NULL,
        created_by_id uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        expires_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_key_organization_idx ON api_key (organization_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['api_key', 'reaction', 'attachment', 'participant']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`ALTER TABLE conversation DROP CONSTRAINT conversation_last_message_fk`);
    for (const table of ['message', 'conversation', 'customer', 'staff_user', 'organization']) {
      await db.query(`DROP TABLE ${table}`);
    }
    for (const type of [
      'api_key_scope',
      'message_kind',
      'participant_role',
      'actor_type',
      'conversation_channel',
      'conversation_priority',
      'conversation_status',
      'staff_role',
    ]) {
      await db.query(`DROP TYPE ${type}`);
    }
  }
}
