import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { graphql } from '../../gql/index.js';
import { errorMessage } from '../input-errors.js';
import { useWaitingCount } from '../../inbox/use-waiting-count.js';
import { DurationCells } from './duration-cells.js';
import { LabelStatsTable } from './label-stats-table.js';

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

const STATUS_LABELS = { OPEN: 'Open', PENDING: 'Pending', RESOLVED: 'Resolved', CLOSED: 'Closed' } as const;
const CHANNEL_LABELS = { DASHBOARD: 'Dashboard', PARTNER: 'Partner systems', SMS: 'SMS', WHATSAPP: 'WhatsApp', WIDGET: 'Website widget' } as const;

const localDate = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
function lastWeek() {
  const today = new Date();
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
  return { from: localDate(from), to: localDate(today) };
}

const DurationHeaders = ({ label }: { label: string }) => (
  <>
    <th scope="col">{label} median</th>
    <th scope="col">{label} average</th>
    <th scope="col">{label} count</th>
  </>
);

/** Counts now, and response and resolution times of the chosen days (last 7 by default). */
export function StatisticsSection() {
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
      <form className="settings-toolbar" aria-label="Statistics range" onSubmit={(event) => event.preventDefault()}>
        <label>
          From
          <input type="date" value={range.from} max={range.to} onChange={(event) => setRange((r) => ({ ...r, from: event.target.value }))} />
        </label>
        <label>
          Until
          <input type="date" value={range.to} min={range.from} onChange={(event) => setRange((r) => ({ ...r, to: event.target.value }))} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={businessHoursOnly} onChange={(event) => setBusinessHoursOnly(event.target.checked)} />
          Business hours only
        </label>
        {loading && <span className="settings__muted">Loading…</span>}
      </form>
      {!valid && <p className="field-error">Choose a start day before the end day.</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {stats && (
        <>
          <dl className="stat-tiles" aria-label="Right now">
            {stats.byStatus.map(({ status, count }) => (
              <div key={status} className="stat-tile">
                <dt>{STATUS_LABELS[status]}</dt>
                <dd>{count}</dd>
              </div>
            ))}
            <div className="stat-tile">
              <dt>Opened today</dt>
              <dd>{stats.openedToday}</dd>
            </div>
            <div className="stat-tile">
              <dt title="The customer wrote last: the header's count">Waiting for an answer</dt>
              <dd>{waiting.count}</dd>
            </div>
            <div className="stat-tile">
              <dt title="The customer's newest message is not read by any colleague yet">Not read by anyone</dt>
              <dd>{stats.unreadConversations}</dd>
            </div>
            <div className="stat-tile">
              <dt>Asked in range</dt>
              <dd>{stats.askedConversations}</dd>
            </div>
          </dl>
          <div className="settings-table__scroll">
            <table className="settings-table settings-table--stats" aria-label="Response times">
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">Asked</th>
                  <DurationHeaders label="First response" />
                  <DurationHeaders label="Resolution" />
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">All channels</th>
                  <td>{stats.askedConversations}</td>
                  <DurationCells stats={stats.firstResponse} />
                  <DurationCells stats={stats.resolution} />
                </tr>
                {stats.byChannel.map((row) => (
                  <tr key={row.channel}>
                    <th scope="row">{CHANNEL_LABELS[row.channel]}</th>
                    <td>{row.askedConversations}</td>
                    <DurationCells stats={row.firstResponse} />
                    <DurationCells stats={row.resolution} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="settings-table__scroll">
            <table className="settings-table settings-table--stats" aria-label="By staff member">
              <thead>
                <tr>
                  <th scope="col">Staff member</th>
                  <DurationHeaders label="First response" />
                  <DurationHeaders label="Resolution" />
                </tr>
              </thead>
              <tbody>
                {stats.byStaffMember.length === 0 && (
                  <tr>
                    <td colSpan={7} className="settings__muted">
                      Nobody answered or resolved a conversation in this range.
                    </td>
                  </tr>
                )}
                {stats.byStaffMember.map((row, index) => (
                  <tr key={row.staffMember?.id ?? `removed-${index}`}>
                    <th scope="row">{row.staffMember?.name ?? 'Former staff member'}</th>
                    <DurationCells stats={row.firstResponse} />
                    <DurationCells stats={row.resolution} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LabelStatsTable stats={stats} />
          <p className="settings__muted">
            Times are for conversations whose first customer message is in the range{stats.businessHoursOnly ? ', counting business hours only' : ''}; "today" is in {stats.timeZone}.
          </p>
        </>
      )}
    </>
  );
}
