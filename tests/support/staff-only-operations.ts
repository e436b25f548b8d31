import { CALL_MUTATIONS } from './call-operations.js';

/**
 * Mutations no API key can call, whatever its scopes: no scope grants them, so a key gets
 * FORBIDDEN without a scope name (tests/resolvers/api-key/api-key-scopes.test.ts), and the
 * field-permissions walk leaves them out (tests/gateway/auth/field-permissions.test.ts).
 */
export const STAFF_ONLY_MUTATIONS: string[] = [
  'createApiKey',
  'revokeApiKey',
  'rotateWidgetSecret',
  'updateOrganizationSettings',
  'exportCustomerData',
  'eraseCustomer',
  // Team management and one's own account (issue 17): partners can't manage staff.
  'inviteStaff',
  'resendStaffInvite',
  'revokeStaffInvite',
  'setStaffRole',
  'deactivateStaff',
  'reactivateStaff',
  'endStaffSessions',
  'endSession',
  'endAllMySessions',
  'signOut',
  'updateMyProfile',
  'changeMyPassword',
  'beginTwoFactorEnrolment',
  'confirmTwoFactorEnrolment',
  'disableTwoFactor',
  // Internal notes are written by staff; keys may only read them (notes:read).
  'writeNote',
  // Staff notifications (issue 18): one's own preferences and browsers.
  'updateMyNotificationPreferences',
  'registerPushSubscription',
  'removePushSubscription',
  // Labels (issue 19) are defined by admins; keys with labels:write only put them on threads.
  'createLabel',
  'updateLabel',
  'deleteLabel',
  // Saved replies (issue 19) are a person's words, inserted in the dashboard's composer.
  'createSavedReply',
  'updateSavedReply',
  'deleteSavedReply',
  // One's own way through the inbox (issue 19): a staff member's read position and snoozes.
  'markConversationUnread',
  'snoozeConversation',
  'unsnoozeConversation',
  ...CALL_MUTATIONS,
  // WhatsApp and SMS connections (issue 22): pharmacy settings with provider secrets, admins only.
  'createChannelConnection',
  'updateChannelConnection',
  'deleteChannelConnection',
  'refreshWhatsAppTemplates',
];
