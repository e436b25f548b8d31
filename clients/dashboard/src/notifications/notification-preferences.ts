import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index.js';

export const MyNotificationPreferencesQuery = graphql(`
  query MyNotificationPreferences {
    myNotificationPreferences {
      browser
      sound
      push
      digest
      conversations
      webPushPublicKey
    }
  }
`);

export const UpdateMyNotificationPreferencesMutation = graphql(`
  mutation UpdateMyNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateMyNotificationPreferences(input: $input) {
      browser
      sound
      push
      digest
      conversations
      webPushPublicKey
    }
  }
`);

/** The signed-in staff member's preferences (cached; the account page's changes update them everywhere). */
export function useNotificationPreferences() {
  return useQuery(MyNotificationPreferencesQuery, { fetchPolicy: 'cache-first' }).data?.myNotificationPreferences;
}
