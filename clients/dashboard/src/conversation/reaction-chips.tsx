import { useMutation } from '@apollo/client/react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { ActorFieldsFragmentDoc } from '../gql/graphql.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

export const ReactionChipsFields = graphql(`
  fragment ReactionChipsFields on Message {
    id
    reactions {
      id
      emoji
      actor {
        ...ActorFields
      }
    }
  }
`);

export const AddReactionMutation = graphql(`
  mutation AddReaction($messageId: ID!, $emoji: String!) {
    addReaction(messageId: $messageId, emoji: $emoji) {
      id
      ...ReactionChipsFields
    }
  }
`);

const RemoveReactionMutation = graphql(`
  mutation RemoveReaction($messageId: ID!, $emoji: String!) {
    removeReaction(messageId: $messageId, emoji: $emoji) {
      id
      ...ReactionChipsFields
    }
  }
`);

/** One chip per emoji with its count; pressing it adds or takes back the viewer's own. */
export function ReactionChips(props: { message: FragmentType<typeof ReactionChipsFields>; viewerStaffId: string }) {
  const message = readFragment(ReactionChipsFields, props.message);
  const [addReaction] = useMutation(AddReactionMutation);
  const [removeReaction] = useMutation(RemoveReactionMutation);
  const t = useStrings();
  if (message.reactions.length === 0) return null;

  const groups = new Map<string, { names: string[]; mine: boolean }>();
  for (const reaction of message.reactions) {
    const group = groups.get(reaction.emoji) ?? { names: [], mine: false };
    const actor = readFragment(ActorFieldsFragmentDoc, reaction.actor);
    group.names.push(actor?.name ?? t('someone'));
    if (actor?.__typename === 'StaffMember' && actor.id === props.viewerStaffId) group.mine = true;
    groups.set(reaction.emoji, group);
  }
  return (
    <div className="reactions">
      {[...groups].map(([emoji, { names, mine }]) => (
        <button
          key={emoji}
          type="button"
          className={`reaction-chip${mine ? ' reaction-chip--mine' : ''}`}
          aria-pressed={mine}
          aria-label={`${emoji} ${names.length}: ${names.join(', ')}`}
          title={names.join(', ')}
          onClick={() => void (mine ? removeReaction : addReaction)({ variables: { messageId: message.id, emoji } })}
        >
          {emoji} {names.length}
        </button>
      ))}
    </div>
  );
}
