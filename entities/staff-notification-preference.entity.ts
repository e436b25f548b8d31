import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Which conversations a staff member hears about. */
export enum NotifiedConversations {
  /** Assigned to them. */
  MINE = 'MINE',
  /** Assigned to them, or to nobody yet. */
  MINE_AND_UNASSIGNED = 'MINE_AND_UNASSIGNED',
  ALL = 'ALL',
}

/** How a staff member wants to hear of customer messages; no row means the defaults below. */
@Entity({ name: 'staff_notification_preference' })
export class StaffNotificationPreference {
  @PrimaryColumn({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Notifications from an open dashboard tab (the browser's Notification API). */
  @Column({ type: 'boolean', default: true })
  browser: boolean;

  /** A sound with them. */
  @Column({ type: 'boolean', default: true })
  sound: boolean;

  /** Web Push to the browsers they subscribed, with no dashboard tab open. */
  @Column({ type: 'boolean', default: false })
  push: boolean;

  /** The e-mail digest of customer messages left waiting (when the pharmacy turned it on). */
  @Column({ type: 'boolean', default: true })
  digest: boolean;

  @Column({ type: 'text', default: NotifiedConversations.MINE_AND_UNASSIGNED })
  conversations: NotifiedConversations;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const defaultStaffNotificationPreference = (staffId: string, organizationId: string): StaffNotificationPreference => ({
  staffId,
  organizationId,
  browser: true,
  sound: true,
  push: false,
  digest: true,
  conversations: NotifiedConversations.MINE_AND_UNASSIGNED,
  updatedAt: new Date(0),
});

/** Whether a conversation with this assignee is one `preference` asks to hear about. */
export function wantsConversation(preference: Pick<StaffNotificationPreference, 'staffId' | 'conversations'>, assigneeId: string | null): boolean {
  switch (preference.conversations) {
    case NotifiedConversations.ALL:
      return true;
    case NotifiedConversations.MINE_AND_UNASSIGNED:
      return assigneeId === null || assigneeId === preference.staffId;
    case NotifiedConversations.MINE:
      return assigneeId === preference.staffId;
  }
}
