import type { ApolloClient } from '@apollo/client';
import type { SignedIdentity } from '../../protocol/widget-protocol.js';
import { graphql } from '../gql/index.js';
import { errorDetails } from './graphql-errors.js';

const IdentifyWidgetCustomer = graphql(`
  mutation IdentifyWidgetCustomer($input: IdentifyWidgetCustomerInput!) {
    identifyWidgetCustomer(input: $input) {
      token
      expiresAt
    }
  }
`);

/** Exchanges a store-signed identity for a chat token; a refusal gives its error code instead. */
export async function identifyCustomer(
  apollo: ApolloClient,
  organizationSlug: string,
  identity: SignedIdentity,
): Promise<{ token?: string; code?: string }> {
  try {
    const { data } = await apollo.mutate({
      mutation: IdentifyWidgetCustomer,
      // A stale token must not turn a valid identity into a 401.
      context: { anonymous: true },
      variables: {
        input: {
          organizationSlug,
          externalId: String(identity.externalId),
          name: String(identity.name),
          email: identity.email || null,
          phone: identity.phone || null,
          issuedAt: Number(identity.issuedAt),
          nonce: String(identity.nonce),
          signature: String(identity.signature),
        },
      },
    });
    return { token: data?.identifyWidgetCustomer.token };
  } catch (error) {
    return { code: errorDetails(error).code ?? 'NETWORK_ERROR' };
  }
}
