import { MessageKind, MessageVisibility } from '../../entities/message.entity.js';
import { Permission, permissionsOf } from '../auth/permission.js';
import type { SignedInViewer } from '../auth/viewer.js';

/**
 * Whose eyes a read is for, and so which messages it may return. The one place that decides
 * what a customer sees of a thread: the scope's message queries (lists, pages, catch-up,
 * unread counts, search, exports), live events and webhooks all ask here.
 *
 * - CUSTOMER: the customer's side of the counter (chat tokens, the widget, exports made for
 *   the customer, webhook endpoints marked for customers): messages for EVERYONE only.
 * - TEAM_WITHOUT_NOTES: a partner without notes:read: every message but internal notes.
 * - TEAM: staff, and partners with notes:read: every message.
 */
export enum MessageAudience {
  CUSTOMER = 'CUSTOMER',
  TEAM_WITHOUT_NOTES = 'TEAM_WITHOUT_NOTES',
  TEAM = 'TEAM',
}

export function audienceOf(viewer: SignedInViewer): MessageAudience {
  if (viewer.kind === 'customer') return MessageAudience.CUSTOMER;
  return permissionsOf(viewer).has(Permission.READ_NOTES) ? MessageAudience.TEAM : MessageAudience.TEAM_WITHOUT_NOTES;
}

/** What the audience rule reads of a message: a row, a live event's payload, a revived one. */
export interface AudienceFacts {
  /** Absent on events of the release before visibility existed, when every message was for everyone. */
  visibility?: MessageVisibility | null;
  kind: MessageKind;
}

export function audienceSees(audience: MessageAudience, message: AudienceFacts): boolean {
  switch (audience) {
    case MessageAudience.TEAM:
      return true;
    case MessageAudience.TEAM_WITHOUT_NOTES:
      return message.kind !== MessageKind.NOTE;
    case MessageAudience.CUSTOMER:
      // A note is for the team whatever its row says.
      return (message.visibility ?? MessageVisibility.EVERYONE) === MessageVisibility.EVERYONE && message.kind !== MessageKind.NOTE;
  }
}

/**
 * The same rule as SQL over a message row named `alias` (its `visibility` column; the column
 * and the entity property have one name, so it reads in query builders and raw SQL alike).
 * `TRUE` when the audience sees every message.
 */
export function audienceCondition(audience: MessageAudience, alias: string): string {
  switch (audience) {
    case MessageAudience.TEAM:
      return 'TRUE';
    case MessageAudience.TEAM_WITHOUT_NOTES:
      return `${alias}.kind <> '${MessageKind.NOTE}'`;
    case MessageAudience.CUSTOMER:
      return `${alias}.visibility = '${MessageVisibility.EVERYONE}' AND ${alias}.kind <> '${MessageKind.NOTE}'`;
  }
}
