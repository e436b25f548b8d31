import type { MigrationInterface, QueryRunner } from 'typeorm';

const organization = `counterchat_organization_id()`;
const customer = `counterchat_customer_id()`;
const ownConversations = `(SELECT c.id FROM conversation c WHERE c.customer_id = ${customer})`;

/** The customer-narrowed policies, with "does this transaction act for every customer?" written as `everyCustomer`. */
const narrowedPolicies = (everyCustomer: string): Record<string, string> => ({
  customer: `organization_id = ${organization} AND (${everyCustomer} OR id = ${customer})`,
  conversation: `organization_id = ${organization} AND (${everyCustomer} OR customer_id = ${customer})`,
  participant: `organization_id = ${organization} AND (${everyCustomer} OR conversation_id IN ${ownConversations})`,
  message: `organization_id = ${organization} AND (${everyCustomer} OR conversation_id IN ${ownConversations})`,
  attachment: `organization_id = ${organization} AND (${everyCustomer} OR conversation_id IN ${ownConversations})`,
  reaction: `organization_id = ${organization} AND (${everyCustomer} OR message_id IN (SELECT m.id FROM message m WHERE m.conversation_id IN ${ownConversations}))`,
});

/**
 * Staff and partners see every customer of their pharmacy; the policies said so with
 * `counterchat_customer_id() IS NULL`, which the planner can't estimate: it took it for
 * 0.5% of rows, and so preferred reading every open conversation and sorting them (13 ms
 * warm, 97 ms cold at 5k open of 100k) over walking the inbox index for the first 20
 * (under 1 ms). As an uncorrelated subquery the test runs once per statement (an InitPlan),
 * is estimated at one half, and costs nothing per row: a pharmacy-wide count went 43 → 28 ms.
 */
export class CustomerNarrowingOnce1763830400000 implements MigrationInterface {
  name = 'CustomerNarrowingOnce1763830400000';

  async up(db: QueryRunner): Promise<void> {
    await this.setPolicies(db, narrowedPolicies(`(SELECT ${customer} IS NULL)`));
  }

  async down(db: QueryRunner): Promise<void> {
    await this.setPolicies(db, narrowedPolicies(`${customer} IS NULL`));
  }

  private async setPolicies(db: QueryRunner, policies: Record<string, string>): Promise<void> {
    for (const [table, policy] of Object.entries(policies)) {
      await db.query(`ALTER POLICY tenant_isolation ON ${table} USING (${policy}) WITH CHECK (${policy})`);
    }
  }
}
