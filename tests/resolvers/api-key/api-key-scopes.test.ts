import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, type GraphQLField } from 'graphql';
import { readFileSync } from 'node:fs';
import { ApiKeyScope, scopeName } from '../../../entities/api-key.entity.js';
import { apiKeyWith, createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { placeholderArguments, selectionFor } from '../../support/placeholder-arguments.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { STAFF_ONLY_MUTATIONS } from '../../support/staff-only-operations.js';

/**
 * Walks every mutation in the checked-in schema (so new ones are covered without
 * editing this test): a partner key without the needed scope gets FORBIDDEN naming it,
 * and the named scope is really the one that opens the door.
 */

/** Mutations anyone may call: they are how one gets a credential in the first place. */
const PUBLIC_MUTATIONS = new Set(['signIn', 'startWidgetSession', 'identifyWidgetCustomer', 'acceptStaffInvite', 'requestPasswordReset', 'resetPassword', 'completeSignIn']);
/** Staff-only: no scope grants them, so a key gets FORBIDDEN without a scope name. */
const STAFF_ONLY = new Set<string>(STAFF_ONLY_MUTATIONS);

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const mutations = Object.values(schema.getMutationType()!.getFields());

let gateway: TestGateway;
let pharmacy: PharmacyFixture;

const keyWith = (scopes: ApiKeyScope[]) => apiKeyWith(gateway.dataSource, pharmacy.organization.id, scopes);

function call(mutation: GraphQLField<unknown, unknown>, key?: string) {
  const { argumentList, variables } = placeholderArguments(mutation);
  const { __declarations, ...values } = variables as { __declarations: string[] };
  const header = __declarations.length ? `(${__declarations.join(', ')})` : '';
  return gateway.graphql(`mutation Probe${header} { ${mutation.name}${argumentList} ${selectionFor(mutation)} }`, values, key);
}

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'scopes');
});
afterAll(async () => {
  await gateway.dispose();
});

describe('API key scopes on every mutation', () => {
  const guarded = mutations.filter((mutation) => !PUBLIC_MUTATIONS.has(mutation.name));

  it.each(guarded.map((mutation) => [mutation.name, mutation] as const))('%s needs a scope', async (_name, mutation) => {
    const noScopes = await call(mutation, await keyWith([]));
    expect(noScopes.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    if (STAFF_ONLY.has(mutation.name)) {
      const everything = await call(mutation, await keyWith(Object.values(ApiKeyScope)));
      expect(everything.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(everything.errors?.[0]?.message).toMatch(/API keys cannot/);
      return;
    }

    const [missing] = noScopes.errors![0]!.extensions!.missingScopes as string[];
    const scope = Object.values(ApiKeyScope).find((candidate) => scopeName(candidate) === missing);
    expect(scope).toBeDefined();
    expect(noScopes.errors![0]!.message).toContain(missing);

    // Every other scope is not enough…
    const allButThat = await call(mutation, await keyWith(Object.values(ApiKeyScope).filter((other) => other !== scope)));
    expect(allButThat.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(allButThat.errors?.[0]?.extensions?.missingScopes).toEqual([missing]);

    // …and that scope alone gets past authorization (the random ids then answer NOT_FOUND or similar).
    const withIt = await call(mutation, await keyWith([scope!]));
    expect(withIt.errors?.[0]?.extensions?.code).not.toBe('FORBIDDEN');
    expect(withIt.status).toBeLessThan(500);
  });

  it('refuses every guarded mutation to a caller without credentials', async () => {
    for (const mutation of guarded) {
      const response = await call(mutation);
      expect([mutation.name, response.errors?.[0]?.extensions?.code]).toEqual([mutation.name, 'UNAUTHENTICATED']);
    }
  });
});
