import { ApolloProvider, useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { createApolloClient } from '../../shared/apollo/create-apollo-client.js';
import { graphql } from './gql/index.js';

// Placeholder shell: proves the build, codegen and serving path end to end.
const OrganizationNameQuery = graphql(`
  query OrganizationName {
    viewer {
      kind
      organization {
        id
        name
      }
    }
  }
`);

export function App() {
  const client = useMemo(
    () =>
      createApolloClient({
        graphqlUrl: new URL('/graphql', window.location.origin).href,
        getToken: () => null,
        onUnauthenticated: () => {},
      }),
    [],
  );
  return (
    <ApolloProvider client={client.apollo}>
      <Home />
    </ApolloProvider>
  );
}

function Home() {
  const { data } = useQuery(OrganizationNameQuery);
  return <h1>Counterchat{data?.viewer ? ` · ${data.viewer.organization.name}` : ''}</h1>;
}
