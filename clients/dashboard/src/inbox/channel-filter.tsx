import type { ConversationChannel } from '../gql/graphql.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { channelLabel } from './row-badges.js';

/** The channels a thread can come from, web chat first: what a pharmacy sorts its inbox by (issue 22). */
const CHANNELS: ConversationChannel[] = ['WIDGET', 'WHATSAPP', 'SMS', 'DASHBOARD', 'PARTNER'];

/** The inbox's channel filter: one channel, or any. */
export function ChannelFilter({ channel, onChange }: { channel: ConversationChannel | null; onChange(channel: ConversationChannel | null): void }) {
  const t = useStrings();
  return (
    <label className="label-filter">
      <span className="visually-hidden">{t('channelFilter')}</span>
      <select value={channel ?? ''} onChange={(event) => onChange((event.target.value || null) as ConversationChannel | null)}>
        <option value="">{t('channelFilterAny')}</option>
        {CHANNELS.map((value) => (
          <option key={value} value={value}>
            {t(channelLabel(value))}
          </option>
        ))}
      </select>
    </label>
  );
}
