import type { Translate, WidgetKey } from '../i18n/widget-i18n.js';
import { callDuration } from '../../../shared/calls/call-duration.js';

export interface SystemEventFields {
  type: string;
  to?: string | null;
  durationSeconds?: number | null;
}

const CALL_WORDS: Record<string, WidgetKey> = { CALL_MISSED: 'systemCallMissed', CALL_DECLINED: 'systemCallDeclined' };

/**
 * The customer's words for a system event, in their language (the server's body is the
 * team's English). Null: nothing for the customer (the API leaves those out as well).
 */
export function customerSystemText(event: SystemEventFields | null | undefined, body: string | null | undefined, t: Translate): string | null {
  if (!event) return body ?? null;
  if (event.type === 'STATUS_CHANGED') {
    const key: WidgetKey | null = event.to === 'RESOLVED' || event.to === 'CLOSED' ? 'systemClosed' : event.to === 'OPEN' ? 'systemReopened' : null;
    return key ? t(key) : null;
  }
  // The pharmacy's own words, already in the customer's language.
  if (event.type === 'AUTO_REPLY') return body ?? null;
  if (event.type === 'CALL_ENDED') {
    // The length as a clock shows it, the same in every language.
    return typeof event.durationSeconds === 'number' ? `${t('systemCallEnded')} · ${callDuration(event.durationSeconds)}` : t('systemCallEnded');
  }
  if (CALL_WORDS[event.type]) return t(CALL_WORDS[event.type]!);
  return null;
}
