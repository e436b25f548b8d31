import { useQuery } from '@apollo/client/react';
import { ConnectionBanner } from '../connection/connection-banner.js';
import { ConversationView } from '../conversation/conversation-view.js';
import { graphql } from '../gql/index.js';
import { InboxPane } from '../inbox/inbox-pane.js';
import { useInboxEvents } from '../inbox/use-inbox-events.js';
import { useUnreadTitle } from '../inbox/use-unread-title.js';
import { PendingSendsProvider } from '../composer/pending-sends.js';
import { useRoute } from '../routing/use-route.js';
import { useSession, useStaffSession } from '../session/session-context.js';
import './dashboard.css';

const DashboardViewerQuery = graphql(`
  query DashboardViewer {
    viewer {
      staff {
        id
        name
      }
      organization {
        id
        name
      }
    }
  }
`);

/** Signed in: the header, the inbox and the open conversation side by side (stacked when narrow). */
export function Dashboard() {
  const { staffId } = useStaffSession();
  const { signOut } = useSession();
  const { conversationId } = useRoute();
  const { data } = useQuery(DashboardViewerQuery);
  const unread = useUnreadTitle('Counterchat');
  useInboxEvents(staffId);

  const viewer = data?.viewer;
  return (
    <PendingSendsProvider>
      <div className={`dashboard${conversationId ? ' dashboard--conversation-open' : ''}`}>
        <header className="dashboard__header">
          <span className="dashboard__brand">Counterchat</span>
          <span className="dashboard__org">{viewer?.organization.name}</span>
          {unread > 0 && (
            <span className="dashboard__unread" aria-label={`${unread} unread messages`}>
              {unread} unread
            </span>
          )}
          <ConnectionBanner />
          <span className="dashboard__staff">{viewer?.staff?.name}</span>
          <button type="button" className="button button--ghost" onClick={() => signOut()}>
            Sign out
          </button>
        </header>
        <main className="dashboard__body">
          <InboxPane viewerStaffId={staffId} selectedConversationId={conversationId} />
          {conversationId ? (
            <ConversationView key={conversationId} conversationId={conversationId} viewerStaffId={staffId} />
          ) : (
            <section className="dashboard__placeholder" aria-label="No conversation open">
              <p>Pick a conversation from the inbox.</p>
            </section>
          )}
        </main>
      </div>
    </PendingSendsProvider>
  );
}
