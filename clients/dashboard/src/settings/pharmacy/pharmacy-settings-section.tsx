import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { errorMessage } from '../input-errors.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { PharmacySettingsForm } from './pharmacy-settings-form.js';

const PharmacySettingsQuery = graphql(`
  query PharmacySettings {
    viewer {
      organization {
        id
        ...PharmacySettingsFields
      }
    }
  }
`);

export function PharmacySettingsSection() {
  const t = useStrings();
  const { data, error, refetch } = useQuery(PharmacySettingsQuery, { fetchPolicy: 'network-only' });
  if (error && !data) {
    return (
      <p className="notice notice--error" role="alert">
        {errorMessage(error)} <button type="button" className="link-button" onClick={() => void refetch().catch(() => {})}>{t('tryAgain')}</button>
      </p>
    );
  }
  if (!data?.viewer) return <p className="settings__muted">{t('loadingSettings')}</p>;
  return <PharmacySettingsForm key={data.viewer.organization.id} organization={data.viewer.organization} />;
}
