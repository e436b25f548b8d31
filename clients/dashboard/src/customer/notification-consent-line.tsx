import { graphql, readFragment, type FragmentType } from '../gql/index.js';

export const NotificationConsentFields = graphql(`
  fragment NotificationConsentFields on NotificationConsent {
    active
    consentedAt
    optedOutAt
  }
`);

const day = (iso: string) => new Date(iso).toLocaleDateString();

/** Whether the customer gets reply notices on a channel, and since when they agreed or opted out. */
export function NotificationConsentLine(props: { channel: string; consent: FragmentType<typeof NotificationConsentFields> | null | undefined }) {
  const consent = readFragment(NotificationConsentFields, props.consent);
  const state = !consent
    ? '—'
    : consent.optedOutAt
      ? `opted out ${day(consent.optedOutAt)}`
      : consent.active
        ? `on (agreed ${day(consent.consentedAt!)})`
        : consent.consentedAt
          ? 'no address'
          : 'not agreed';
  return (
    <span className="customer-panel__consent">
      {props.channel}: {state}
    </span>
  );
}
