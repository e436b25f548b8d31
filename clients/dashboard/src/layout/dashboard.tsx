import { useMutation, useQuery } from '@apollo/client/react';
import { lazy, Suspense, useMemo } from 'react';
import { ConnectionBanner } from '../connection/connection-banner.js';
import { ConversationView } from '../conversation/conversation-view.js';
import { graphql } from '../gql/index.js';
import { InboxPane } from '../inbox/inbox-pane.js';
import { useInboxEvents } from '../inbox/use-inbox-events.js';
import { useCountInTitle, useWaitingCount } from '../inbox/use-waiting-count.js';
import { PendingSendsProvider } from '../composer/pending-sends.js';
import { accountPath, openAccount, openInbox, openSettings, settingsPath, useRoute } from '../routing/use-route.js';
import { settingsEntry } from '../settings/settings-sections.js';
import { useSession, useStaffSession } from '../session/session-context.js';
import { MentionsBadge } from '../note/mentions-badge.js';
import { useFaviconBadge } from '../notifications/favicon-badge.js';
import { useCustomerMessageAlerts } from '../notifications/customer-message-alerts.js';
import { NotificationPermissionButton } from '../notifications/notification-permission-button.js';
import { ShortcutHelp } from '../shortcuts/shortcut-help.js';
import { createDashboardFormat, FormatContext, formatLocale } from '../format/dates.js';
import { PharmacyTimeContext } from '../format/pharmacy-time-context.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { useTranslation } from 'react-i18next';
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
        settings {
          timeZone
          businessHours {
            day
            opens
            closes
          }
        }
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
  const { conversationId, messageSequence, settingsSection, account } = useRoute();
  const [endSession] = useMutation(SignOutMutation);
  const { data } = useQuery(DashboardViewerQuery);
  const waiting = useWaitingCount();
  useCountInTitle(waiting.count, 'Counterchat');
  useFaviconBadge(waiting.count);
  const viewer = data?.viewer;
  useInboxEvents(staffId, useCustomerMessageAlerts(staffId, viewer?.organization.name), waiting.inboxChanged);

  const t = useStrings();
  const { i18n } = useTranslation();
  const timeZone = viewer?.organization.settings.timeZone;
  const format = useMemo(() => createDashboardFormat({ locale: formatLocale(i18n.language), timeZone }), [i18n.language, timeZone]);
  const businessHours = viewer?.organization.settings.businessHours;
  const pharmacyTime = useMemo(() => ({ timeZone: timeZone ?? undefined, businessHours: businessHours ?? [] }), [timeZone, businessHours]);
  const entry = settingsEntry(viewer?.permissions ?? []);
  const inSettings = settingsSection !== null || account;
  return (
    <FormatContext.Provider value={format}>
    <PharmacyTimeContext.Provider value={pharmacyTime}>
    <PendingSendsProvider>
      <div className={`dashboard${conversationId ? ' dashboard--conversation-open' : ''}`}>
        <header className="dashboard__header">
          {inSettings ? (
            <a
              className="dashboard__brand"
              href={`${import.meta.env.BASE_URL}`}
              title={t('backToInbox')}
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
          {waiting.count > 0 && (
            <span className="dashboard__unread" aria-label={t('waitingLabel', { count: waiting.count })} title={t('waitingTitle')}>
              {t('waitingShort', { count: waiting.count })}
            </span>
          )}
          <MentionsBadge />
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
              {t('inbox')}
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
              {entry === 'Settings' ? t('settings') : t('statistics')}
            </a>
          )}
          <NotificationPermissionButton />
          <a
            className={`dashboard__staff${account ? ' button--current' : ''}`}
            href={accountPath()}
            title={t('yourAccount')}
            aria-current={account ? 'page' : undefined}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey) return;
              event.preventDefault();
              openAccount();
            }}
          >
            {viewer?.staff?.name ?? t('yourAccount')}
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
            {t('signOut')}
          </button>
        </header>
        {inSettings ? (
          <main className="dashboard__settings">
            {viewer && (
              <Suspense fallback={<p className="inbox__empty">{t('loadingSettings')}</p>}>
                {account ? <AccountPage /> : <SettingsPage section={settingsSection ?? ''} permissions={viewer.permissions} />}
              </Suspense>
            )}
          </main>
        ) : (
        <main className="dashboard__body">
          <InboxPane viewerStaffId={staffId} selectedConversationId={conversationId} />
          {conversationId ? (
            <ConversationView key={conversationId} conversationId={conversationId} viewerStaffId={staffId} focusSequence={messageSequence} />
          ) : (
            <section className="dashboard__placeholder" aria-label={t('noConversationOpen')}>
              <p>{t('pickConversation')}</p>
            </section>
          )}
        </main>
        )}
      </div>
    </PendingSendsProvider>
    </PharmacyTimeContext.Provider>
    </FormatContext.Provider>
  );
}
