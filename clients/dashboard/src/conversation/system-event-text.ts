import type { Formatter } from '../../../shared/i18n/format.js';
import type { DashboardKey, Translate } from '../i18n/dashboard-keys.js';
import { callDuration } from '../../../shared/calls/call-duration.js';

const STATUS_WORDS: Record<string, DashboardKey> = { OPEN: 'systemReopened', PENDING: 'systemPending', RESOLVED: 'systemResolved', CLOSED: 'systemClosed' };

export interface SystemEventLike {
  type: string;
  to?: string | null;
  durationSeconds?: number | null;
}

const CALL_WORDS: Record<string, DashboardKey> = { CALL_STARTED: 'systemCallStarted', CALL_MISSED: 'systemCallMissed', CALL_DECLINED: 'systemCallDeclined' };

/**
 * A status, assignment, snooze or video call change, or the auto-reply, in the dashboard's language, from the structured event
 * (the message body is the server's English sentence). `nameOf` gives a colleague's name
 * where the caller has the team's list.
 */
export function systemEventText(
  event: SystemEventLike | null | undefined,
  body: string | null | undefined,
  t: Translate,
  nameOf?: (staffId: string) => string | null,
  format?: Pick<Formatter, 'dateTime'>,
): string {
  if (event?.type === 'STATUS_CHANGED') return t(STATUS_WORDS[event.to ?? ''] ?? 'systemUpdated');
  if (event?.type === 'SNOOZED' && event.to) return t('systemSnoozed', { time: format?.dateTime(event.to) ?? event.to });
  if (event?.type === 'UNSNOOZED') return t('systemUnsnoozed');
  if (event?.type === 'CALL_ENDED') {
    return typeof event.durationSeconds === 'number' ? t('systemCallEnded', { duration: callDuration(event.durationSeconds) }) : t('systemCallCancelled');
  }
  if (event && CALL_WORDS[event.type]) return t(CALL_WORDS[event.type]!);
  if (event?.type === 'ASSIGNEE_CHANGED') return event.to ? t('systemAssigned', { name: nameOf?.(event.to) ?? t('aColleague') }) : t('systemUnassigned');
  // The body is the pharmacy's own text, in the customer's language: shown as written.
  if (event?.type === 'AUTO_REPLY') return t('systemAutoReply', { text: body ?? '' });
  return body ?? t('systemUpdated');
}
