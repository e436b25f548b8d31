import { ApiKeyResolver } from './api-key/api-key.resolver.js';
import { AuditLogResolver } from './audit/audit-log.resolver.js';
import { CustomerDataResolver } from './customer-data/customer-data.resolver.js';
import { OrganizationSettingsResolver } from './organization/organization-settings.resolver.js';
import { AttachmentFieldsResolver } from './attachment/attachment-fields.resolver.js';
import { SignInResolver } from './auth/sign-in.resolver.js';
import { ChatTokenResolver } from './chat-token/chat-token.resolver.js';
import { ConversationFieldsResolver } from './conversation/conversation-fields.resolver.js';
import { ConversationResolver } from './conversation/conversation.resolver.js';
import { CustomerResolver } from './customer/customer.resolver.js';
import { MessageFieldsResolver } from './message/message-fields.resolver.js';
import { MessageResolver } from './message/message.resolver.js';
import { ParticipantFieldsResolver } from './participant/participant-fields.resolver.js';
import { MessageSearchResolver } from './search/message-search.resolver.js';
import { MessageReactionsResolver, ReactionResolver } from './reaction/reaction.resolver.js';
import { ConversationStatsResolver, StaffMemberStatsResolver } from './stats/conversation-stats.resolver.js';
import { StaffResolver } from './staff/staff.resolver.js';
import { StaffInvitationResolver } from './invitation/staff-invitation.resolver.js';
import { SessionResolver } from './session/session.resolver.js';
import { AccountResolver } from './account/account.resolver.js';
import { MailDeliveryResolver } from './mail/mail-delivery.resolver.js';
import { NotificationSettingsFieldsResolver } from './notification/notification-settings.resolver.js';
import { NotificationLogResolver } from './notification/notification-log.resolver.js';
import { CustomerConsentFieldsResolver } from './notification/customer-consent.resolver.js';
import { StaffNotificationResolver } from './staff-notification/staff-notification.resolver.js';
import { TwoFactorResolver, TwoFactorSettingsFieldsResolver } from './two-factor/two-factor.resolver.js';
import { ViewerResolver } from './viewer/viewer.resolver.js';
import { ConversationEventsResolver, ReadReceiptFieldsResolver } from './realtime/conversation-events.resolver.js';
import { InboxEventsResolver } from './realtime/inbox-events.resolver.js';
import { ConversationPresenceResolver, PresenceResolver } from './realtime/presence.resolver.js';
import { TypingResolver } from './realtime/typing.resolver.js';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from './webhook/webhook.resolver.js';
import { WidgetResolver, WidgetSettingsFieldsResolver } from './widget/widget.resolver.js';
import { NoteResolver } from './note/note.resolver.js';
import { ConversationLabelsResolver, LabelResolver } from './label/label.resolver.js';
import { SavedReplyResolver } from './saved-reply/saved-reply.resolver.js';
import { CallEventResolver, CallResolver } from './call/call.resolver.js';
import { ChannelConnectionResolver } from './channel/channel-connection.resolver.js';
import { MessageDeliveryResolver } from './message/message-delivery.resolver.js';
import { ConversationChannelResolver } from './conversation/conversation-channel.resolver.js';

export const resolvers = [
  ViewerResolver,
  ChannelConnectionResolver,
  MessageDeliveryResolver,
  ConversationChannelResolver,
  SignInResolver,
  ConversationResolver,
  ConversationFieldsResolver,
  MessageResolver,
  MessageFieldsResolver,
  NoteResolver,
  LabelResolver,
  ConversationLabelsResolver,
  SavedReplyResolver,
  ReactionResolver,
  MessageReactionsResolver,
  ParticipantFieldsResolver,
  CustomerResolver,
  ChatTokenResolver,
  StaffResolver,
  StaffInvitationResolver,
  SessionResolver,
  AccountResolver,
  MailDeliveryResolver,
  NotificationSettingsFieldsResolver,
  NotificationLogResolver,
  CustomerConsentFieldsResolver,
  StaffNotificationResolver,
  TwoFactorResolver,
  TwoFactorSettingsFieldsResolver,
  ApiKeyResolver,
  AuditLogResolver,
  CustomerDataResolver,
  OrganizationSettingsResolver,
  ConversationEventsResolver,
  ReadReceiptFieldsResolver,
  InboxEventsResolver,
  TypingResolver,
  PresenceResolver,
  ConversationPresenceResolver,
  AttachmentFieldsResolver,
  WebhookEndpointResolver,
  WebhookDeliveryResolver,
  MessageSearchResolver,
  ConversationStatsResolver,
  StaffMemberStatsResolver,
  WidgetResolver,
  WidgetSettingsFieldsResolver,
  CallResolver,
  CallEventResolver,
] as const;
