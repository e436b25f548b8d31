import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { graphql } from '../../gql/index.js';
import { errorMessage } from '../input-errors.js';
import { useWaitingCount } from '../../inbox/use-waiting-count.js';
import { DurationCells } from './duration-cells.js';
import { LabelStatsTable } from './label-stats-table.js';
import { useFormat } from '../../format/dates.js';
import { useStrings, type DashboardKey } from '../../i18n/dashboard-i18n.js';
import type { ConversationStatus, ConversationChannel } from '../../gql/graphql.js';

const ConversationStatsQuery = graphql(`
  query ConversationStats($input: ConversationStatsInput!) {
    conversationStats(input: $input) {
      from
      to
      timeZone
      businessHoursOnly
      askedConversations
      openedToday
      unreadConversations
      byStatus {
        status
        count
      }
      firstResponse {
        ...DurationCellsFields
      }
      resolution {
        ...DurationCellsFields
      }
      byChannel {
        channel
        askedConversations
        firstResponse {
          ...DurationCellsFields
        }
        resolution {
          ...DurationCellsFields
        }
      }
      byStaffMember {
        staffMember {
          id
          name
        }
        firstResponse {
          ...DurationCellsFields
        }
        resolution {
          ...DurationCellsFields
        }
      }
      ...LabelStatsFields
    }
  }
`);

const STATUS_LABELS: Record<ConversationStatus, DashboardKey> = { OPEN: 'statusOpen', PENDING: 'statusPending', RESOLVED: 'statusResolved', CLOSED: 'statusClosed' };
const CHANNEL_LABELS: Record<ConversationChannel, DashboardKey> = { DASHBOARD: 'channelDashboard', PARTNER: 'channelPartner', SMS: 'channelSms', WHATSAPP: 'channelWhatsApp', WIDGET: 'channelWidget' };

const localDate = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
function lastWeek() {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
  return { from: localDate(from), to: localDate(today) };
}

function DurationHeaders({ label }: { label: string }) {
  const t = useStrings();
  return (
    <>
      <th scope="col">{t('statsMedian', { label })}</th>
      <th scope="col">{t('statsAverage', { label })}</th>
      <th scope="col">{t('statsCount', { label })}</th>
    </>
  );
}

/** Counts now, and response and resolution times of the chosen days (last 7 by default). */
export function StatisticsSection() {
  const t = useStrings();
  const format = useFormat();
  const waiting = useWaitingCount();
  const [range, setRange] = useState(lastWeek);
  const [businessHoursOnly, setBusinessHoursOnly] = useState(false);
  // Whole local days: from the start of the first to the start of the day after the last.
  const input = useMemo(() => {
    const [fy, fm, fd] = range.from.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = range.to.split('-').map(Number) as [number, number, number];
    return { from: new Date(fy, fm - 1, fd).toISOString(), to: new Date(ty, tm - 1, td + 1).toISOString(), businessHoursOnly };
  }, [range, businessHoursOnly]);
  const valid = !!range.from && !!range.to && input.from < input.to;
  const { data, previousData, loading, error } = useQuery(ConversationStatsQuery, { variables: { input }, skip: !valid, fetchPolicy: 'network-only' });
  const stats = (data ?? previousData)?.conversationStats;

  return (
    <>
      <form className="settings-toolbar" aria-label={t('statsRange')} onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('statsFrom')}
          <input type="date" value={range.from} max={range.to} onChange={(event) => setRange((r) => ({ ...r, from: event.target.value }))} />
        </label>
        <label>
          {t('statsUntil')}
          <input type="date" value={range.to} min={range.from} onChange={(event) => setRange((r) => ({ ...r, to: event.target.value }))} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={businessHoursOnly} onChange={(event) => setBusinessHoursOnly(event.target.checked)} />
          {t('statsBusinessHoursOnly')}
        </label>
        {loading && <span className="settings__muted">{t('loading')}</span>}
      </form>
      {!valid && <p className="field-error">{t('statsRangeOrder')}</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {stats && (
        <>
          <dl className="stat-tiles" aria-label={t('statsRightNow')}>
            {stats.byStatus.map(({ status, count }) => (
              <div key={status} className="stat-tile">
                <dt>{t(STATUS_LABELS[status])}</dt>
                <dd>{format.number(count)}</dd>
              </div>
            ))}
            <div className="stat-tile">
              <dt>{t('statsOpenedToday')}</dt>
              <dd>{format.number(stats.openedToday)}</dd>
            </div>
            <div className="stat-tile">
              <dt title={t('statsWaitingTitle')}>{t('statsWaiting')}</dt>
              <dd>{format.number(waiting.count)}</dd>
            </div>
            <div className="stat-tile">
              <dt title={t('statsUnreadTitle')}>{t('statsUnread')}</dt>
              <dd>{format.number(stats.unreadConversations)}</dd>
            </div>
            <div className="stat-tile">
              <dt>{t('statsAskedInRange')}</dt>
              <dd>{format.number(stats.askedConversations)}</dd>
            </div>
          </dl>
          <div className="settings-table__scroll">
            <table className="settings-table settings-table--stats" aria-label={t('statsResponseTimes')}>
              <thead>
                <tr>
                  <th scope="col">{t('statsChannel')}</th>
                  <th scope="col">{t('statsAsked')}</th>
                  <DurationHeaders label={t('statsFirstResponse')} />
                  <DurationHeaders label={t('statsResolution')} />
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('statsAllChannels')}</th>
                  <td>{format.number(stats.askedConversations)}</td>
                  <DurationCells stats={stats.firstResponse} />
                  <DurationCells stats={stats.resolution} />
                </tr>
                {stats.byChannel.map((row) => (
                  <tr key={row.channel}>
                    <th scope="row">{t(CHANNEL_LABELS[row.channel])}</th>
                    <td>{format.number(row.askedConversations)}</td>
                    <DurationCells stats={row.firstResponse} />
                    <DurationCells stats={row.resolution} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="settings-table__scroll">
            <table className="settings-table settings-table--stats" aria-label={t('statsByStaff')}>
              <thead>
                <tr>
                  <th scope="col">{t('statsStaffMember')}</th>
                  <DurationHeaders label={t('statsFirstResponse')} />
                  <DurationHeaders label={t('statsResolution')} />
                </tr>
              </thead>
              <tbody>
                {stats.byStaffMember.length === 0 && (
                  <tr>
                    <td colSpan={7} className="settings__muted">
                      {t('statsNobody')}
                    </td>
                  </tr>
                )}
                {stats.byStaffMember.map((row, index) => (
                  <tr key={row.staffMember?.id ?? `removed-${index}`}>
                    <th scope="row">{row.staffMember?.name ?? t('statsFormerStaff')}</th>
                    <DurationCells stats={row.firstResponse} />
                    <DurationCells stats={row.resolution} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LabelStatsTable stats={stats} />
          <p className="settings__muted">
            {t(stats.businessHoursOnly ? 'statsFootnoteBusinessHours' : 'statsFootnote', { timeZone: stats.timeZone })}
          </p>
        </>
      )}
    </>
  );
}
