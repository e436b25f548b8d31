import { useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../gql/index.js';
import type { NotifiedConversations } from '../gql/graphql.js';
import { useStrings, type DashboardKey } from '../i18n/dashboard-i18n.js';
import { errorMessage } from '../settings/input-errors.js';
import { MyNotificationPreferencesQuery, UpdateMyNotificationPreferencesMutation, useNotificationPreferences } from './notification-preferences.js';
import { currentPushSubscription, PushSetupError, subscribeToPush, webPushSupported } from './web-push-subscription.js';

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

const CONVERSATION_CHOICES: { value: NotifiedConversations; label: DashboardKey }[] = [
  { value: 'MINE_AND_UNASSIGNED', label: 'notifyMineAndUnassigned' },
  { value: 'MINE', label: 'notifyMine' },
  { value: 'ALL', label: 'notifyAll' },
];

/** "Notifications" in Your account: which conversations, and by which ways. Never message text. */
export function NotificationSettingsPanel() {
  const t = useStrings();
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
      if (failure instanceof PushSetupError) setPushError(t(failure.reason === 'denied' ? 'pushDenied' : 'pushIncomplete'));
      else setPushError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <section className="settings-form" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('notifyTitle')}</h2>
      <p className="settings__muted">{t('notifyIntro')}</p>
      <label className="field">
        <span>{t('notifyConversations')}</span>
        <select value={preferences.conversations} onChange={(event) => change({ conversations: event.target.value as NotifiedConversations })}>
          {CONVERSATION_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {t(choice.label)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={preferences.browser} onChange={(event) => change({ browser: event.target.checked })} />
        {t('notifyBrowser')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={preferences.sound} disabled={!preferences.browser} onChange={(event) => change({ sound: event.target.checked })} />
        {t('notifySound')}
      </label>
      {webPushSupported() && (
        <label className="checkbox">
          <input type="checkbox" checked={pushHere && preferences.push} onChange={(event) => void togglePush(event.target.checked)} />
          {t('notifyPush')}
        </label>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={preferences.digest} onChange={(event) => change({ digest: event.target.checked })} />
        {t('notifyDigest')}
      </label>
      {(error || pushError) && (
        <p className="notice notice--error" role="alert">
          {pushError ?? errorMessage(error!)}
        </p>
      )}
    </section>
  );
}
