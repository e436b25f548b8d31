import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/index.js';

const WriteNoteMutation = graphql(`
  mutation WriteNote($input: WriteNoteInput!) {
    writeNote(input: $input) {
      id
      ...TimelineMessageFields
    }
  }
`);

/** Saves an internal note; the thread's live events bring it into the timeline. */
export function useWriteNote() {
  const [write, state] = useMutation(WriteNoteMutation);
  return {
    state,
    writeNote: (conversationId: string, body: string) =>
      write({ variables: { input: { conversationId, body, clientMessageId: crypto.randomUUID() } } }),
  };
}
