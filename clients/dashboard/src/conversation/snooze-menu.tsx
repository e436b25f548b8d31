import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { graphql } from '../gql/index.js';
import { useFormat } from '../format/dates.js';
import { snoozeChoices, zonedTime } from '../format/pharmacy-time.js';
import { usePharmacyTime } from '../format/pharmacy-time-context.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { openInbox } from '../routing/use-route.js';
import { Icon } from '../icons.js';

// What a snooze or its end changes on the row: the same answer for both.
export const SnoozeStateFields = graphql(`
  fragment SnoozeStateFields on Conversation {
    id
    status
    snoozedUntil
    updatedAt
  }
`);

const SnoozeConversationMutation = graphql(`
  mutation SnoozeConversation($input: SnoozeConversationInput!) {
    snoozeConversation(input: $input) {
      ...SnoozeStateFields
    }
  }
`);

const UnsnoozeConversationMutation = graphql(`
  mutation UnsnoozeConversation($input: ConversationRefInput!) {
    unsnoozeConversation(input: $input) {
      ...SnoozeStateFields
    }
  }
`);

/**
 * "Snooze": out of the working tabs until later today, the pharmacy's next opening, next
 * week's first opening, or a time picked (in the pharmacy's zone); the thread comes back to
 * Open then, or when the customer writes. Snoozing returns to the inbox: the thread is done for now.
 */
export function SnoozeMenu({ conversationId, snoozedUntil }: { conversationId: string; snoozedUntil: string | null }) {
  const [snooze, { loading }] = useMutation(SnoozeConversationMutation);
  const [unsnooze, { loading: waking }] = useMutation(UnsnoozeConversationMutation);
  const [custom, setCustom] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const time = usePharmacyTime();
  const format = useFormat();
  const t = useStrings();

  const snoozeUntil = async (until: Date) => {
    setFailed(null);
    try {
      await snooze({ variables: { input: { conversationId, until: until.toISOString() } } });
      menu.current?.removeAttribute('open');
      openInbox();
    } catch (error) {
      setFailed(error instanceof Error ? error.message : t('snoozeFailed'));
    }
  };
  const choices = snoozeChoices(time);
  const customTime = () => {
    const [date, clock] = custom.split('T');
    const [year, month, day] = (date ?? '').split('-').map(Number);
    return year && month && day && clock ? zonedTime({ year, month, day }, clock, time.timeZone) : null;
  };

  return (
    <details className="header-menu snooze-menu" ref={menu}>
      <summary className="button">
        <Icon name="clock" width={14} height={14} /> {snoozedUntil ? t('snoozedUntil', { time: format.dateTime(snoozedUntil) }) : t('snooze')}
      </summary>
      <div className="header-menu__panel" role="group" aria-label={t('snooze')}>
        {(
          [
            ['snoozeLaterToday', choices.laterToday],
            ['snoozeTomorrowMorning', choices.tomorrowMorning],
            ['snoozeNextWeek', choices.nextWeek],
          ] as const
        ).map(([label, until]) => (
          <button key={label} type="button" className="header-menu__item" disabled={loading} onClick={() => void snoozeUntil(until)}>
            <span>{t(label)}</span> <span className="header-menu__hint">{format.dateTime(until)}</span>
          </button>
        ))}
        <form
          className="snooze-menu__custom"
          onSubmit={(event) => {
            event.preventDefault();
            const until = customTime();
            if (until) void snoozeUntil(until);
          }}
        >
          <label>
            {t('snoozeCustom')}
            <input type="datetime-local" value={custom} onChange={(event) => setCustom(event.target.value)} required />
          </label>
          <button type="submit" className="button" disabled={loading || !custom}>
            {t('snooze')}
          </button>
        </form>
        {snoozedUntil && (
          <button type="button" className="header-menu__item" disabled={waking} onClick={() => void unsnooze({ variables: { input: { conversationId } } }).catch(() => {})}>
            {t('unsnooze')}
          </button>
        )}
        {failed && (
          <p className="notice notice--error" role="alert">
            {failed}
          </p>
        )}
      </div>
    </details>
  );
}
