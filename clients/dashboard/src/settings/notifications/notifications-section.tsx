import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
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
  const t = useStrings();
  const { data, error, refetch } = useQuery(NotificationSettingsQuery, { fetchPolicy: 'network-only' });
  if (error && !data) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(error)} <button type="button" className="link-button" onClick={() => void refetch().catch(() => {})}>{t('tryAgain')}</button>
      </p>
    );
  }
  if (!data?.viewer) return <p className="settings__muted">{t('loadingSettings')}</p>;
  return (
    <>
      <p className="settings__muted">{t('customerNotifyIntro')}</p>
      <CustomerNotificationSettingsForm key={data.viewer.organization.id} organization={data.viewer.organization} />
      <NotificationLogTable />
    </>
  );
}
