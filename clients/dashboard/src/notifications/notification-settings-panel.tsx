import { useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../gql/index.js';
import type { NotifiedConversations } from '../gql/graphql.js';
import { errorMessage } from '../settings/input-errors.js';
import { MyNotificationPreferencesQuery, UpdateMyNotificationPreferencesMutation, useNotificationPreferences } from './notification-preferences.js';
import { currentPushSubscription, subscribeToPush, webPushSupported } from './web-push-subscription.js';

const RegisterPushSubscriptionMutation = graphql(`
  mutation RegisterPushSubscription($input: PushSubscriptionInput!) {
    registerPushSubscription(input: $input) {
      id
    }
  }
`);

const RemovePushSubscriptionMutation = graphql(`
  mutation RemovePushSubscription($endpoint: String!) {
    removePushSubscription(endpoint: $endpoint)
  }
`);

const CONVERSATION_CHOICES: { value: NotifiedConversations; label: string }[] = [
  { value: 'MINE_AND_UNASSIGNED', label: 'Assigned to me or to nobody' },
  { value: 'MINE', label: 'Assigned to me' },
  { value: 'ALL', label: 'All conversations' },
];

/** "Notifications" in Your account: which conversations, and by which ways. Never message text. */
export function NotificationSettingsPanel() {
  const preferences = useNotificationPreferences();
  const [update, { error }] = useMutation(UpdateMyNotificationPreferencesMutation);
  const [register] = useMutation(RegisterPushSubscriptionMutation, { refetchQueries: [MyNotificationPreferencesQuery] });
  const [remove] = useMutation(RemovePushSubscriptionMutation);
  const [pushHere, setPushHere] = useState(false);
  const [pushError, setPushError] = useState<string | null>(null);

  useEffect(() => {
    void currentPushSubscription().then((subscription) => setPushHere(Boolean(subscription)));
  }, []);

  if (!preferences) return null;
  // Optimistic: a checkbox follows the click at once, and goes back if the server refuses.
  const change = (input: Partial<typeof preferences>) =>
    void update({ variables: { input }, optimisticResponse: { __typename: 'Mutation', updateMyNotificationPreferences: { ...preferences, ...input } } }).catch(() => {});

  async function togglePush(on: boolean) {
    setPushError(null);
    try {
      if (on) {
        await register({ variables: { input: await subscribeToPush(preferences!.webPushPublicKey) } });
        setPushHere(true);
      } else {
        const subscription = await currentPushSubscription();
        if (subscription) {
          await remove({ variables: { endpoint: subscription.endpoint } });
          await subscription.unsubscribe();
        }
        setPushHere(false);
      }
    } catch (failure) {
      setPushError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <section className="settings-form" aria-labelledby="notifications-title">
      <h2 id="notifications-title">Notifications</h2>
      <p className="settings__muted">When a customer writes. Notifications name the customer and the pharmacy, never what they wrote.</p>
      <label className="field">
        <span>Conversations</span>
        <select value={preferences.conversations} onChange={(event) => change({ conversations: event.target.value as NotifiedConversations })}>
          {CONVERSATION_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={preferences.browser} onChange={(event) => change({ browser: event.target.checked })} />
        Browser notifications while the dashboard is open
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={preferences.sound} disabled={!preferences.browser} onChange={(event) => change({ sound: event.target.checked })} />
        With a sound
      </label>
      {webPushSupported() && (
        <label className="checkbox">
          <input type="checkbox" checked={pushHere && preferences.push} onChange={(event) => void togglePush(event.target.checked)} />
          Push notifications to this browser, also with no dashboard tab open
        </label>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={preferences.digest} onChange={(event) => change({ digest: event.target.checked })} />
        E-mail me when a customer has waited too long (if the pharmacy turned this on)
      </label>
      {(error || pushError) && (
        <p className="notice notice--error" role="alert">
          {pushError ?? errorMessage(error!)}
        </p>
      )}
    </section>
  );
}
