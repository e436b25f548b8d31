import { describe, expect, it } from '@jest/globals';
import { createCache } from '../../../../clients/shared/apollo/create-cache.js';
import { MessageBubble_MessageFragmentDoc, WidgetSendMessageDocument } from '../../../../clients/widget/src/gql/graphql.js';

// A message as the widget's send mutation selects it: its sender through the shared
// ActorFields fragment, which is on the `Actor` union.
const sentMessage = (sender: Record<string, unknown>) => ({
  __typename: 'Message',
  id: 'm1',
  sequence: 1,
  kind: 'TEXT',
  body: 'Is my prescription ready?',
  createdAt: '2025-01-01T10:00:00.000Z',
  editedAt: null,
  deletedAt: null,
  clientMessageId: 'c1',
  systemEvent: null,
  sender,
  replyTo: null,
  reactions: [],
  attachments: [],
});

describe('the shared cache', () => {
  it.each([
    { __typename: 'StaffMember', id: 's1', name: 'Anna (pharmacist)' },
    { __typename: 'Customer', id: 'u1', name: 'Jan Jansen' },
    { __typename: 'PartnerApp', id: 'k1', name: 'Shop sync' },
  ])('keeps the name of a $__typename sender selected through the fragment on Actor', (sender) => {
    // No app policies, as the widget builds it: the schema's unions alone must make the fragment match.
    const cache = createCache();
    const variables = { input: { conversationId: 'c1', body: 'Is my prescription ready?', clientMessageId: 'c1' } };
    cache.writeQuery({ query: WidgetSendMessageDocument, variables, data: { __typename: 'Mutation', sendMessage: sentMessage(sender) } as never });

    const read = cache.readFragment({ id: 'Message:m1', fragment: MessageBubble_MessageFragmentDoc, fragmentName: 'MessageBubble_message' });
    expect(read).toMatchObject({ sender });
  });
});
