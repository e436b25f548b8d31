import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { errorMessage } from '../input-errors.js';
import { CustomerNotificationSettingsForm } from './customer-notification-settings-form.js';
import { NotificationLogTable } from './notification-log-table.js';

const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    viewer {
      organization {
        id
        ...CustomerNotificationSettingsFields
      }
    }
  }
`);

/** When away customers hear of a reply, and what was sent to whom. */
export function NotificationsSection() {
  const { data, error, refetch } = useQuery(NotificationSettingsQuery, { fetchPolicy: 'network-only' });
  if (error && !data) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(error)} <button type="button" className="link-button" onClick={() => void refetch().catch(() => {})}>Try again</button>
      </p>
    );
  }
  if (!data?.viewer) return <p className="settings__muted">Loading settings…</p>;
  return (
    <>
      <p className="settings__muted">
        A customer who is away (no chat open) gets one e-mail, or an SMS when they have no e-mail, when a reply stays unread: “{'<pharmacy>'} replied to
        your question” with a link that opens the chat once. Never the message itself. Only customers who agreed get them; every mail can unsubscribe them, and
        STOP ends texts.
      </p>
      <CustomerNotificationSettingsForm key={data.viewer.organization.id} organization={data.viewer.organization} />
      <NotificationLogTable />
    </>
  );
}
