import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only audit log. */
export class AuditLog1763812000000 implements MigrationInterface {
  name = 'AuditLog1763812000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        actor_type text,
        actor_id uuid,
        action text NOT NULL,
        object_type text,
        object_id uuid,
        ip text,
        details jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_event_organization_idx ON audit_event (organization_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_event_object_idx ON audit_event (object_id, created_at DESC) WHERE object_id IS NOT NULL`);
    await db.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, created_at DESC) WHERE actor_id IS NOT NULL`);
    // Append-only in the database itself, not just in the API: whatever the application
    // does (or a bug makes it do), history can't be rewritten through it.
    await db.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_event`);
    await db.query(`DROP FUNCTION audit_event_is_append_only()`);
  }
}
