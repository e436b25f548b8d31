import type { ConversationChannel, ConversationPriority } from '../gql/graphql.js';
import { Icon, type IconName } from '../icons.js';
import { useFormat } from '../format/dates.js';
import { useStrings, type DashboardKey } from '../i18n/dashboard-i18n.js';

const CHANNELS: Record<ConversationChannel, { icon: IconName; label: DashboardKey }> = {
  WIDGET: { icon: 'globe', label: 'channelRowWidget' },
  DASHBOARD: { icon: 'monitor', label: 'channelRowDashboard' },
  PARTNER: { icon: 'plug', label: 'channelRowPartner' },
  SMS: { icon: 'sms', label: 'channelSms' },
  WHATSAPP: { icon: 'whatsapp', label: 'channelWhatsapp' },
};

export const channelLabel = (channel: ConversationChannel): DashboardKey => CHANNELS[channel].label;

/** Where the thread started, as an icon with its name for screen readers and on hover. */
export function ChannelIcon({ channel }: { channel: ConversationChannel }) {
  const t = useStrings();
  const { icon, label } = CHANNELS[channel];
  return (
    <span className={`channel-icon channel-icon--${channel.toLowerCase()}`} title={t(label)} data-channel={channel}>
      <Icon name={icon} width={14} height={14} />
      <span className="visually-hidden">{t(label)}</span>
    </span>
  );
}

const PRIORITIES: Record<ConversationPriority, DashboardKey> = { LOW: 'priorityLow', NORMAL: 'priorityNormal', HIGH: 'priorityHigh', URGENT: 'priorityUrgent' };

export const priorityLabel = (priority: ConversationPriority): DashboardKey => PRIORITIES[priority];

/** Shown for HIGH and URGENT only: the rest is the usual. */
export function PriorityBadge({ priority }: { priority: ConversationPriority }) {
  const t = useStrings();
  return <span className={`priority-badge priority-badge--${priority.toLowerCase()}`}>{t(PRIORITIES[priority])}</span>;
}

/** A snoozed row (on the Snoozed tab) says until when. */
export function SnoozedBadge({ until }: { until: string }) {
  const t = useStrings();
  const format = useFormat();
  return (
    <span className="snoozed-badge">
      <Icon name="clock" width={12} height={12} /> {t('snoozedUntil', { time: format.dateTime(until) })}
    </span>
  );
}
