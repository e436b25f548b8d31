import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql/index.js';
import { openConversation } from '../routing/use-route.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

const MyMentionsQuery = graphql(`
  query MyMentions {
    myMentions {
      id
      conversationId
      createdAt
      message {
        id
        body
        sender {
          ... on StaffMember {
            id
            name
          }
        }
      }
    }
  }
`);

// Mentions go when their conversation is read; a light poll keeps the badge honest across tabs.
const POLL_MS = 30_000;

/** "@ 2 mentions" in the header: notes naming the pharmacist that they have not read yet. */
export function MentionsBadge() {
  const { data } = useQuery(MyMentionsQuery, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState(false);
  const t = useStrings();
  const mentions = data?.myMentions ?? [];
  if (mentions.length === 0) return null;
  return (
    <div className="mentions">
      <button type="button" className="mentions__badge" aria-expanded={open} onClick={() => setOpen(!open)}>
        @ {t('mentions', { count: mentions.length })}
      </button>
      {open && (
        <ul className="mentions__list" aria-label={t('mentionsTitle')}>
          {mentions.map((mention) => (
            <li key={mention.id}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  openConversation(mention.conversationId);
                }}
              >
                <strong>{t('mentionFrom', { name: mention.message.sender?.__typename === 'StaffMember' ? mention.message.sender.name : '' })}</strong>
                <span>{(mention.message.body ?? '').slice(0, 100)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
