import { useMutation, useQuery } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import { ConnectionBanner } from '../connection/connection-banner.js';
import { ConversationView } from '../conversation/conversation-view.js';
import { graphql } from '../gql/index.js';
import { InboxPane } from '../inbox/inbox-pane.js';
import { useInboxEvents } from '../inbox/use-inbox-events.js';
import { useUnreadTitle } from '../inbox/use-unread-title.js';
import { PendingSendsProvider } from '../composer/pending-sends.js';
import { accountPath, openAccount, openInbox, openSettings, settingsPath, useRoute } from '../routing/use-route.js';
import { settingsEntry } from '../settings/settings-sections.js';
import { useSession, useStaffSession } from '../session/session-context.js';
import { ShortcutHelp } from '../shortcuts/shortcut-help.js';
import './dashboard.css';

const DashboardViewerQuery = graphql(`
  query DashboardViewer {
    viewer {
      permissions
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

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

// Loaded on first visit: the inbox's first load does not carry the admin screens.
const SettingsPage = lazy(() => import('../settings/settings-page.js'));
const AccountPage = lazy(() => import('../account/account-page.js'));

/** Signed in: the header, the inbox and the open conversation side by side (stacked when narrow). */
export function Dashboard() {
  const { staffId } = useStaffSession();
  const { signOut } = useSession();
  const { conversationId, settingsSection, account } = useRoute();
  const [endSession] = useMutation(SignOutMutation);
  const { data } = useQuery(DashboardViewerQuery);
  const unread = useUnreadTitle('Counterchat');
  useInboxEvents(staffId);

  const viewer = data?.viewer;
  const entry = settingsEntry(viewer?.permissions ?? []);
  const inSettings = settingsSection !== null || account;
  return (
    <PendingSendsProvider>
      <div className={`dashboard${conversationId ? ' dashboard--conversation-open' : ''}`}>
        <header className="dashboard__header">
          {inSettings ? (
            <a
              className="dashboard__brand"
              href={`${import.meta.env.BASE_URL}`}
              title="Back to the inbox"
              onClick={(event) => {
                event.preventDefault();
                openInbox();
              }}
            >
              Counterchat
            </a>
          ) : (
            <span className="dashboard__brand">Counterchat</span>
          )}
          <span className="dashboard__org">{viewer?.organization.name}</span>
          {unread > 0 && (
            <span className="dashboard__unread" aria-label={`${unread} unread messages`}>
              {unread} unread
            </span>
          )}
          <ConnectionBanner />
          {inSettings && (
            <a
              className="button button--ghost"
              href={`${import.meta.env.BASE_URL}`}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                openInbox();
              }}
            >
              Inbox
            </a>
          )}
          {entry && (
            <a
              className={`button button--ghost${inSettings ? ' button--current' : ''}`}
              href={settingsPath()}
              aria-current={inSettings ? 'page' : undefined}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                openSettings();
              }}
            >
              {entry}
            </a>
          )}
          <a
            className={`dashboard__staff${account ? ' button--current' : ''}`}
            href={accountPath()}
            title="Your account"
            aria-current={account ? 'page' : undefined}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              openAccount();
            }}
          >
            {viewer?.staff?.name ?? 'Your account'}
          </a>
          <ShortcutHelp />
          <button
            type="button"
            className="button button--ghost"
            // Ends the session on the server too (its token stops working everywhere), then here whatever the answer.
            onClick={() =>
              void endSession()
                .catch(() => {})
                .finally(() => {
                  openInbox();
                  signOut();
                })
            }
          >
            Sign out
          </button>
        </header>
        {inSettings ? (
          <main className="dashboard__settings">
            {viewer && (
              <Suspense fallback={<p className="inbox__empty">Loading settings…</p>}>
                {account ? <AccountPage /> : <SettingsPage section={settingsSection ?? ''} permissions={viewer.permissions} />}
              </Suspense>
            )}
          </main>
        ) : (
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
        )}
      </div>
    </PendingSendsProvider>
  );
}
