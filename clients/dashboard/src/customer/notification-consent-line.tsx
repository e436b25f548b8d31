import { useFormat } from '../format/dates.js';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

export const NotificationConsentFields = graphql(`
  fragment NotificationConsentFields on NotificationConsent {
    active
    consentedAt
    optedOutAt
  }
`);

/** Whether the customer gets reply notices on a channel, and since when they agreed or opted out. */
export function NotificationConsentLine(props: { channel: string; consent: FragmentType<typeof NotificationConsentFields> | null | undefined }) {
  const consent = readFragment(NotificationConsentFields, props.consent);
  const t = useStrings();
  const format = useFormat();
  const state = !consent
    ? '—'
    : consent.optedOutAt
      ? t('consentOptedOut', { date: format.date(consent.optedOutAt) })
      : consent.active
        ? t('consentOn', { date: format.date(consent.consentedAt!) })
        : consent.consentedAt
          ? t('consentNoAddress')
          : t('consentNotAgreed');
  return (
    <span className="customer-panel__consent">
      {props.channel}: {state}
    </span>
  );
}
