import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook endpoints, the transactional outbox of domain events, and their deliveries. */
export class Webhooks1763811000000 implements MigrationInterface {
  name = 'Webhooks1763811000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        url text NOT NULL CHECK (char_length(url) <= 2000),
        description text CHECK (char_length(description) <= 200),
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX webhook_endpoint_organization_idx ON webhook_endpoint (organization_id)`);

    await db.query(`
      CREATE TABLE outbox_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX outbox_event_organization_idx ON outbox_event (organization_id, created_at)`);

    await db.query(`CREATE TYPE webhook_delivery_status AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED')`);
    await db.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES outbox_event(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
        status webhook_delivery_status NOT NULL DEFAULT 'PENDING',
        attempt_count int NOT NULL DEFAULT 0,
        schedule_started_at_attempt int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, endpoint_id)
      )`);
    // What the worker polls: only pending rows are in it, so it stays small.
    await db.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`);
    await db.query(`CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (organization_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE webhook_delivery_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        delivery_id uuid NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
        attempt int NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms int NOT NULL,
        status_code int,
        error text,
        UNIQUE (delivery_id, attempt)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['webhook_delivery_attempt', 'webhook_delivery', 'outbox_event', 'webhook_endpoint']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP TYPE webhook_delivery_status`);
  }
}
