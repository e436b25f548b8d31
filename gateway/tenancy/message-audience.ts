import { MessageVisibility } from '../../entities/message.entity.js';

/**
 * Whose eyes a read is for, and so which messages it may return. The one place that decides
 * what a customer sees of a thread: the scope's message queries (lists, pages, catch-up,
 * unread counts, search, exports), live events and webhooks all ask here.
 *
 * - CUSTOMER: the customer's side of the counter (chat tokens, the widget, exports made for
 *   the customer, webhook endpoints marked for customers): messages for EVERYONE only.
 * - TEAM: the pharmacy (staff, partners): every message.
 */
export enum MessageAudience {
  CUSTOMER = 'CUSTOMER',
  TEAM = 'TEAM',
}

/** What the audience rule reads of a message: a row, a live event's payload, a revived one. */
export interface AudienceFacts {
  /** Absent on events of the release before visibility existed, when every message was for everyone. */
  visibility?: MessageVisibility | null;
}

export function audienceSees(audience: MessageAudience, message: AudienceFacts): boolean {
  if (audience === MessageAudience.TEAM) return true;
  return (message.visibility ?? MessageVisibility.EVERYONE) === MessageVisibility.EVERYONE;
}

/**
 * The same rule as SQL over a message row named `alias` (its `visibility` column; the column
 * and the entity property have one name, so it reads in query builders and raw SQL alike).
 * `TRUE` when the audience sees every message.
 */
export function audienceCondition(audience: MessageAudience, alias: string): string {
  if (audience === MessageAudience.TEAM) return 'TRUE';
  return `${alias}.visibility = '${MessageVisibility.EVERYONE}'`;
}
