import { useSubscription } from '@apollo/client/react';
import { graphql } from '../gql/index.js';

const PresenceChangedSubscription = graphql(`
  subscription PresenceChanged {
    presenceChanged {
      online
      actor {
        __typename
        ... on Customer {
          id
        }
      }
    }
  }
`);

/** Keeps the open conversation's "customer online" dot true as the customer comes and goes. */
export function useCustomerPresence(conversationId: string, customerId: string | undefined): void {
  useSubscription(PresenceChangedSubscription, {
    skip: !customerId,
    ignoreResults: true,
    onData: ({ client, data }) => {
      const event = data.data?.presenceChanged;
      if (event?.actor?.__typename !== 'Customer' || event.actor.id !== customerId) return;
      client.cache.modify({
        id: client.cache.identify({ __typename: 'Conversation', id: conversationId }),
        fields: { customerOnline: () => event.online },
      });
    },
  });
}
