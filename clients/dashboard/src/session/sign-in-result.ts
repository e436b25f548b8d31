import { graphql } from '../gql/index.js';

/** What signIn, acceptStaffInvite and resetPassword answer: a token, or the second step still needed. */
export const SignInResultFields = graphql(`
  fragment SignInResultFields on SignInResult {
    token
    expiresAt
    staff {
      id
    }
    challenge {
      token
      kind
    }
  }
`);
