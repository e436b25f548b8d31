import { describe, expect, it } from '@jest/globals';
import { buildCounterchatSchema } from '../../../schema/build-schema.js';
import { assertSubscriptionsAuthorized } from '../../../gateway/pipeline/subscription-permissions.js';
import { makeExecutableSchemaForTest } from '../../support/tiny-subscription-schema.js';

describe('assertSubscriptionsAuthorized', () => {
  it("accepts Counterchat's schema: every subscription declares @Authorized", async () => {
    const schema = await buildCounterchatSchema();
    expect(Object.keys(schema.getSubscriptionType()!.getFields()).length).toBeGreaterThan(0);
    expect(() => assertSubscriptionsAuthorized(schema)).not.toThrow();
  });

  it('refuses to start with a subscription nobody guards, naming it', () => {
    const schema = makeExecutableSchemaForTest(async function* () {});
    expect(() => assertSubscriptionsAuthorized(schema)).toThrow(/these don't: ticks/);
  });
});
