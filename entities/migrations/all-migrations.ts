import { InitialSchema1763780000000 } from './1763780000000-initial-schema.js';
import { AttachmentThumbnails1763790000000 } from './1763790000000-attachment-thumbnails.js';
import { WidgetIdentity1763800000000 } from './1763800000000-widget-identity.js';
import { ApiKeyScopes1763810000000 } from './1763810000000-api-key-scopes.js';
import { Webhooks1763811000000 } from './1763811000000-webhooks.js';
import { AuditLog1763812000000 } from './1763812000000-audit-log.js';
import { MessageSearch1763820000000 } from './1763820000000-message-search.js';
import { CustomerTrigramSearch1763820100000 } from './1763820100000-customer-trigram-search.js';
import { ConversationStats1763820200000 } from './1763820200000-conversation-stats.js';
import { RowLevelSecurity1763830000000 } from './1763830000000-row-level-security.js';
import { ChatTokenRevocation1763830100000 } from './1763830100000-chat-token-revocation.js';
import { OutboxEventConversation1763830200000 } from './1763830200000-outbox-event-conversation.js';
import { ConversationStatusText1763830300000 } from './1763830300000-conversation-status-text.js';
import { CustomerNarrowingOnce1763830400000 } from './1763830400000-customer-narrowing-once.js';
import { JobQueueAndMail1763840000000 } from './1763840000000-job-queue-and-mail.js';
import { StaffInvitationsAndSessions1763840100000 } from './1763840100000-staff-invitations-and-sessions.js';
import { StaffDeactivation1763840200000 } from './1763840200000-staff-deactivation.js';
import { PasswordResets1763840300000 } from './1763840300000-password-resets.js';
import { TwoFactor1763840400000 } from './1763840400000-two-factor.js';
import { QueueDepths1763850000000 } from './1763850000000-queue-depths.js';
import { NotificationLog1764000100000 } from './1764000100000-notification-log.js';
import { CustomerNotifications1764000110000 } from './1764000110000-customer-notifications.js';
import { StaffNotifications1764000200000 } from './1764000200000-staff-notifications.js';
import { MessageVisibility1764000300000 } from './1764000300000-message-visibility.js';
import { InternalNotes1764000310000 } from './1764000310000-internal-notes.js';
import { CustomerProfile1764000320000 } from './1764000320000-customer-profile.js';
import { CustomerBlocking1764000330000 } from './1764000330000-customer-blocking.js';
import { Labels1764100000000 } from './1764100000000-labels.js';
import { SavedReplies1764100100000 } from './1764100100000-saved-replies.js';
import { MessagePrefixSearch1764100200000 } from './1764100200000-message-prefix-search.js';
import { AutoReplyOnce1764100210000 } from './1764100210000-auto-reply-once.js';
import { InboxTools1764100300000 } from './1764100300000-inbox-tools.js';
import { VideoCalls1764100400000 } from './1764100400000-video-calls.js';
import { ChannelConnections1764100500000 } from './1764100500000-channel-connections.js';

/** In order. Listed explicitly so the build needs no file globbing at run time. */
export const migrations = [
  InitialSchema1763780000000,
  AttachmentThumbnails1763790000000,
  WidgetIdentity1763800000000,
  ApiKeyScopes1763810000000,
  Webhooks1763811000000,
  AuditLog1763812000000,
  MessageSearch1763820000000,
  CustomerTrigramSearch1763820100000,
  ConversationStats1763820200000,
  RowLevelSecurity1763830000000,
  ChatTokenRevocation1763830100000,
  OutboxEventConversation1763830200000,
  ConversationStatusText1763830300000,
  CustomerNarrowingOnce1763830400000,
  JobQueueAndMail1763840000000,
  StaffInvitationsAndSessions1763840100000,
  StaffDeactivation1763840200000,
  PasswordResets1763840300000,
  TwoFactor1763840400000,
  QueueDepths1763850000000,
  NotificationLog1764000100000,
  CustomerNotifications1764000110000,
  StaffNotifications1764000200000,
  MessageVisibility1764000300000,
  InternalNotes1764000310000,
  CustomerProfile1764000320000,
  CustomerBlocking1764000330000,
  Labels1764100000000,
  SavedReplies1764100100000,
  MessagePrefixSearch1764100200000,
  AutoReplyOnce1764100210000,
  InboxTools1764100300000,
  VideoCalls1764100400000,
  ChannelConnections1764100500000,
];
