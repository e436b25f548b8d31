/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyAccount {\n    viewer {\n      staff {\n        id\n        name\n        email\n        twoFactorEnabled\n      }\n      organization {\n        id\n        settings {\n          requireTwoFactor\n        }\n      }\n    }\n  }\n": typeof types.MyAccountDocument,
    "\n  mutation UpdateMyProfile($name: String!) {\n    updateMyProfile(name: $name) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangeMyPasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      userAgent\n      ip\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": typeof types.EndSessionDocument,
    "\n  mutation EndAllMySessions {\n    endAllMySessions\n  }\n": typeof types.EndAllMySessionsDocument,
    "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      qrCodeDataUrl\n    }\n  }\n": typeof types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code) {\n      recoveryCodes\n    }\n  }\n": typeof types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation DisableTwoFactor($password: String!, $code: String!) {\n    disableTwoFactor(password: $password, code: $code)\n  }\n": typeof types.DisableTwoFactorDocument,
    "\n  query ActiveCall($conversationId: ID!) {\n    activeCall(conversationId: $conversationId) {\n      id\n      state\n    }\n  }\n": typeof types.ActiveCallDocument,
    "\n  mutation StartCall($conversationId: ID!) {\n    startCall(conversationId: $conversationId) {\n      id\n      state\n    }\n  }\n": typeof types.StartCallDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      sequence\n      conversationId\n      clientMessageId\n      ...MessageBubbleFields\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  query ComposerSavedReplies {\n    savedReplies {\n      id\n      shortcut\n      title\n      body\n      shared\n    }\n    viewer {\n      staff {\n        id\n        name\n      }\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ComposerSavedRepliesDocument,
    "\n  fragment WhatsAppWindowFields on Conversation {\n    id\n    whatsAppWindow {\n      open\n      closesAt\n      templates {\n        name\n        language\n      }\n    }\n  }\n": typeof types.WhatsAppWindowFieldsFragmentDoc,
    "\n  mutation SendWhatsAppTemplate($input: SendWhatsAppTemplateInput!) {\n    sendWhatsAppTemplate(input: $input) {\n      id\n      sequence\n      ...TimelineMessageFields\n    }\n  }\n": typeof types.SendWhatsAppTemplateDocument,
    "\n  query StaffMembers {\n    staffMembers {\n      id\n      name\n    }\n  }\n": typeof types.StaffMembersDocument,
    "\n  mutation AssignConversation($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      id\n      assignee {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AssignConversationDocument,
    "\n  fragment AttachmentFields on Attachment {\n    id\n    fileName\n    contentType\n    byteSize\n    isImage\n    width\n    height\n    url\n    thumbnailUrl\n  }\n": typeof types.AttachmentFieldsFragmentDoc,
    "\n  fragment ConversationHeaderFields on Conversation {\n    id\n    subject\n    status\n    priority\n    snoozedUntil\n    lastSequence\n    customerOnline\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    assignee {\n      id\n      name\n    }\n    labels {\n      id\n      ...LabelChipFields\n    }\n  }\n": typeof types.ConversationHeaderFieldsFragmentDoc,
    "\n  mutation SetConversationStatus($input: SetConversationStatusInput!) {\n    setConversationStatus(input: $input) {\n      id\n      status\n      updatedAt\n    }\n  }\n": typeof types.SetConversationStatusDocument,
    "\n  query ConversationThread($id: ID!, $last: Int!, $before: String) {\n    conversation(id: $id) {\n      id\n      unreadCount\n      lastSequence\n      customer {\n        id\n        name\n      }\n      ...ConversationHeaderFields\n      ...CustomerPanelFields\n      ...WhatsAppWindowFields\n      participants {\n        id\n        role\n        lastReadSequence\n        actor {\n          ...ActorFields\n        }\n      }\n      messages(last: $last, before: $before) {\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            sequence\n            ...TimelineMessageFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConversationThreadDocument,
    "\n  mutation MarkConversationRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      id\n      unreadCount\n    }\n  }\n": typeof types.MarkConversationReadDocument,
    "\n  mutation MarkConversationUnread($input: ConversationRefInput!) {\n    markConversationUnread(input: $input) {\n      id\n      unreadCount\n    }\n  }\n": typeof types.MarkConversationUnreadDocument,
    "\n  mutation DeleteMessage($messageId: ID!) {\n    deleteMessage(messageId: $messageId) {\n      id\n      body\n      deletedAt\n    }\n  }\n": typeof types.DeleteMessageDocument,
    "\n  fragment MessageBubbleFields on Message {\n    id\n    sequence\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    sender {\n      ...ActorFields\n      ... on StaffMember {\n        active\n      }\n    }\n    replyTo {\n      id\n      body\n      deletedAt\n      sender {\n        ...ActorFields\n      }\n    }\n    attachments {\n      ...AttachmentFields\n    }\n    delivery {\n      state\n      reason\n    }\n    ...ReactionChipsFields\n  }\n": typeof types.MessageBubbleFieldsFragmentDoc,
    "\n  mutation EditMessage($input: EditMessageInput!) {\n    editMessage(input: $input) {\n      id\n      body\n      editedAt\n    }\n  }\n": typeof types.EditMessageDocument,
    "\n  fragment TimelineMessageFields on Message {\n    id\n    sequence\n    conversationId\n    clientMessageId\n    createdAt\n    kind\n    sender {\n      ...ActorFields\n    }\n    ...MessageBubbleFields\n    ...SystemMessageFields\n  }\n": typeof types.TimelineMessageFieldsFragmentDoc,
    "\n  mutation SetConversationPriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) {\n      id\n      priority\n      updatedAt\n    }\n  }\n": typeof types.SetConversationPriorityDocument,
    "\n  fragment ReactionChipsFields on Message {\n    id\n    reactions {\n      id\n      emoji\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n": typeof types.ReactionChipsFieldsFragmentDoc,
    "\n  mutation AddReaction($messageId: ID!, $emoji: String!) {\n    addReaction(messageId: $messageId, emoji: $emoji) {\n      id\n      ...ReactionChipsFields\n    }\n  }\n": typeof types.AddReactionDocument,
    "\n  mutation RemoveReaction($messageId: ID!, $emoji: String!) {\n    removeReaction(messageId: $messageId, emoji: $emoji) {\n      id\n      ...ReactionChipsFields\n    }\n  }\n": typeof types.RemoveReactionDocument,
    "\n  fragment SnoozeStateFields on Conversation {\n    id\n    status\n    snoozedUntil\n    updatedAt\n  }\n": typeof types.SnoozeStateFieldsFragmentDoc,
    "\n  mutation SnoozeConversation($input: SnoozeConversationInput!) {\n    snoozeConversation(input: $input) {\n      ...SnoozeStateFields\n    }\n  }\n": typeof types.SnoozeConversationDocument,
    "\n  mutation UnsnoozeConversation($input: ConversationRefInput!) {\n    unsnoozeConversation(input: $input) {\n      ...SnoozeStateFields\n    }\n  }\n": typeof types.UnsnoozeConversationDocument,
    "\n  fragment SystemMessageFields on Message {\n    id\n    createdAt\n    body\n    systemEvent {\n      type\n      from\n      to\n      durationSeconds\n    }\n  }\n": typeof types.SystemMessageFieldsFragmentDoc,
    "\n  subscription Typing($conversationId: ID!) {\n    typing(conversationId: $conversationId) {\n      typing\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n": typeof types.TypingDocument,
    "\n  mutation SetTyping($conversationId: ID!, $typing: Boolean!) {\n    setTyping(conversationId: $conversationId, typing: $typing)\n  }\n": typeof types.SetTypingDocument,
    "\n  subscription ConversationEvents($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      conversationId\n      kind\n      message {\n        id\n        sequence\n        ...TimelineMessageFields\n      }\n      read {\n        sequence\n        reader {\n          ...ActorFields\n        }\n      }\n    }\n  }\n": typeof types.ConversationEventsDocument,
    "\n  subscription PresenceChanged {\n    presenceChanged {\n      online\n      actor {\n        __typename\n        ... on Customer {\n          id\n        }\n      }\n    }\n  }\n": typeof types.PresenceChangedDocument,
    "\n  mutation BlockCustomer($id: ID!) {\n    blockCustomer(customerId: $id) {\n      id\n      blockedAt\n    }\n  }\n": typeof types.BlockCustomerDocument,
    "\n  mutation UnblockCustomer($id: ID!) {\n    unblockCustomer(customerId: $id) {\n      id\n      blockedAt\n    }\n  }\n": typeof types.UnblockCustomerDocument,
    "\n  mutation IssueChatToken($customerId: ID!) {\n    issueChatToken(customerId: $customerId) {\n      chatLink\n      expiresAt\n    }\n  }\n": typeof types.IssueChatTokenDocument,
    "\n  fragment CustomerPanelFields on Conversation {\n    id\n    customer {\n      id\n      name\n      phone\n      email\n      externalId\n      dateOfBirth\n      preferredLanguage\n      staffNote\n      blockedAt\n      unverified\n      createdAt\n      emailNotifications {\n        ...NotificationConsentFields\n      }\n      smsNotifications {\n        ...NotificationConsentFields\n      }\n    }\n  }\n": typeof types.CustomerPanelFieldsFragmentDoc,
    "\n  query CustomerThreads($filter: ConversationFilter!) {\n    conversations(first: 20, filter: $filter) {\n      edges {\n        node {\n          id\n          subject\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n": typeof types.CustomerThreadsDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      name\n      phone\n      email\n      externalId\n      dateOfBirth\n      preferredLanguage\n      staffNote\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  mutation CreateCustomerFromDashboard($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCustomerFromDashboardDocument,
    "\n  mutation StartFirstConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n": typeof types.StartFirstConversationDocument,
    "\n  fragment NotificationConsentFields on NotificationConsent {\n    active\n    consentedAt\n    optedOutAt\n  }\n": typeof types.NotificationConsentFieldsFragmentDoc,
    "\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n": typeof types.StartConversationDocument,
    "\n  fragment ConversationRowFields on Conversation {\n    id\n    subject\n    status\n    priority\n    channel\n    snoozedUntil\n    unreadCount\n    lastActivityAt\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    assignee {\n      id\n      name\n    }\n    labels {\n      id\n      ...LabelChipFields\n    }\n    lastMessage {\n      id\n      sequence\n      body\n      deletedAt\n      kind\n      systemEvent {\n        type\n        to\n      }\n      attachments {\n        id\n      }\n      sender {\n        __typename\n        ... on StaffMember {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ConversationRowFieldsFragmentDoc,
    "\n  query Inbox($filter: ConversationFilter, $orderBy: ConversationOrder, $after: String) {\n    conversations(first: 25, after: $after, filter: $filter, orderBy: $orderBy) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          unreadCount\n          lastActivityAt\n          updatedAt\n          snoozedUntil\n          waitingSince\n          assignee {\n            id\n          }\n          labels {\n            id\n          }\n          customer {\n            id\n          }\n          ...ConversationRowFields\n        }\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  fragment MessageSearchHitFields on MessageSearchHit {\n    message {\n      id\n      sequence\n      createdAt\n    }\n    conversation {\n      id\n      subject\n      customer {\n        id\n        name\n      }\n    }\n    snippet {\n      text\n      highlighted\n    }\n  }\n": typeof types.MessageSearchHitFieldsFragmentDoc,
    "\n  query MessageSearch($query: String!, $after: String, $from: DateTimeISO, $to: DateTimeISO) {\n    searchMessages(query: $query, first: 20, after: $after, from: $from, to: $to) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          message {\n            id\n          }\n          ...MessageSearchHitFields\n        }\n      }\n    }\n  }\n": typeof types.MessageSearchDocument,
    "\n  subscription InboxEvents {\n    inboxEvents {\n      id\n      status\n      priority\n      unreadCount\n      lastActivityAt\n      updatedAt\n      snoozedUntil\n      waitingSince\n      lastSequence\n      assignee {\n        id\n      }\n      labels {\n        id\n      }\n      customer {\n        id\n        name\n      }\n      lastMessage {\n        id\n        createdAt\n        sender {\n          __typename\n        }\n      }\n      ...ConversationRowFields\n    }\n  }\n": typeof types.InboxEventsDocument,
    "\n  query WaitingCount {\n    conversations(first: 1, filter: { awaitingReply: true, snoozed: false }) {\n      totalCount\n    }\n  }\n": typeof types.WaitingCountDocument,
    "\n  fragment LabelChipFields on Label {\n    id\n    name\n    colour\n  }\n": typeof types.LabelChipFieldsFragmentDoc,
    "\n  mutation AddConversationLabel($conversationId: ID!, $labelId: ID!) {\n    addConversationLabel(conversationId: $conversationId, labelId: $labelId) {\n      id\n      updatedAt\n      labels {\n        id\n        ...LabelChipFields\n      }\n    }\n  }\n": typeof types.AddConversationLabelDocument,
    "\n  mutation RemoveConversationLabel($conversationId: ID!, $labelId: ID!) {\n    removeConversationLabel(conversationId: $conversationId, labelId: $labelId) {\n      id\n      updatedAt\n      labels {\n        id\n        ...LabelChipFields\n      }\n    }\n  }\n": typeof types.RemoveConversationLabelDocument,
    "\n  query Labels {\n    labels {\n      id\n      name\n      colour\n      ...LabelChipFields\n    }\n  }\n": typeof types.LabelsDocument,
    "\n  query DashboardViewer {\n    viewer {\n      permissions\n      staff {\n        id\n        name\n      }\n      organization {\n        id\n        name\n        settings {\n          timeZone\n          businessHours {\n            day\n            opens\n            closes\n          }\n        }\n      }\n    }\n  }\n": typeof types.DashboardViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query MyMentions {\n    myMentions {\n      id\n      conversationId\n      createdAt\n      message {\n        id\n        body\n        sender {\n          ... on StaffMember {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyMentionsDocument,
    "\n  mutation WriteNote($input: WriteNoteInput!) {\n    writeNote(input: $input) {\n      id\n      ...TimelineMessageFields\n    }\n  }\n": typeof types.WriteNoteDocument,
    "\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      browser\n      sound\n      push\n      digest\n      conversations\n      webPushPublicKey\n    }\n  }\n": typeof types.MyNotificationPreferencesDocument,
    "\n  mutation UpdateMyNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateMyNotificationPreferences(input: $input) {\n      browser\n      sound\n      push\n      digest\n      conversations\n      webPushPublicKey\n    }\n  }\n": typeof types.UpdateMyNotificationPreferencesDocument,
    "\n  mutation RegisterPushSubscription($input: PushSubscriptionInput!) {\n    registerPushSubscription(input: $input) {\n      id\n    }\n  }\n": typeof types.RegisterPushSubscriptionDocument,
    "\n  mutation RemovePushSubscription($endpoint: String!) {\n    removePushSubscription(endpoint: $endpoint)\n  }\n": typeof types.RemovePushSubscriptionDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation AcceptStaffInvite($token: String!, $password: String!) {\n    acceptStaffInvite(token: $token, password: $password) {\n      ...SignInResultFields\n    }\n  }\n": typeof types.AcceptStaffInviteDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      ...SignInResultFields\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation CompleteSignIn($challenge: String!, $code: String, $recoveryCode: String) {\n    completeSignIn(challenge: $challenge, code: $code, recoveryCode: $recoveryCode) {\n      token\n      expiresAt\n      staff {\n        id\n      }\n    }\n  }\n": typeof types.CompleteSignInDocument,
    "\n  mutation BeginEnrolmentWithChallenge($challenge: String) {\n    beginTwoFactorEnrolment(challenge: $challenge) {\n      secret\n      qrCodeDataUrl\n    }\n  }\n": typeof types.BeginEnrolmentWithChallengeDocument,
    "\n  mutation ConfirmEnrolmentWithChallenge($code: String!, $challenge: String) {\n    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {\n      recoveryCodes\n      session {\n        token\n        expiresAt\n        staff {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ConfirmEnrolmentWithChallengeDocument,
    "\n  fragment SignInResultFields on SignInResult {\n    token\n    expiresAt\n    staff {\n      id\n    }\n    challenge {\n      token\n      kind\n    }\n  }\n": typeof types.SignInResultFieldsFragmentDoc,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      ...SignInResultFields\n    }\n  }\n": typeof types.SignInDocument,
    "\n  fragment ApiKeyRowFields on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": typeof types.ApiKeyRowFieldsFragmentDoc,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      ...ApiKeyRowFields\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRowFields\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...ApiKeyRowFields\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  query AuditLog($actions: [AuditAction!], $actorId: ID, $after: String) {\n    auditLog(first: 50, after: $after, actions: $actions, actorId: $actorId) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          createdAt\n          ip\n          objectType\n          objectId\n          actor {\n            ...ActorFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query ChannelConnections {\n    channelConnections {\n      id\n      kind\n      name\n      phoneNumber\n      enabled\n      webhookUrl\n      whatsappPhoneNumberId\n      twilioAccountSid\n      secretHints {\n        accessToken\n        appSecret\n        verifyToken\n        authToken\n      }\n      whatsappTemplates {\n        name\n        language\n      }\n    }\n  }\n": typeof types.ChannelConnectionsDocument,
    "\n  mutation CreateChannelConnection($input: CreateChannelConnectionInput!) {\n    createChannelConnection(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateChannelConnectionDocument,
    "\n  mutation DeleteChannelConnection($id: ID!) {\n    deleteChannelConnection(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteChannelConnectionDocument,
    "\n  mutation RefreshWhatsAppTemplates($id: ID!) {\n    refreshWhatsAppTemplates(id: $id) {\n      id\n      whatsappTemplates {\n        name\n        language\n      }\n    }\n  }\n": typeof types.RefreshWhatsAppTemplatesDocument,
    "\n  mutation CreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) {\n      id\n      name\n      colour\n    }\n  }\n": typeof types.CreateLabelDocument,
    "\n  mutation UpdateLabel($input: UpdateLabelInput!) {\n    updateLabel(input: $input) {\n      id\n      name\n      colour\n    }\n  }\n": typeof types.UpdateLabelDocument,
    "\n  mutation DeleteLabel($labelId: ID!) {\n    deleteLabel(labelId: $labelId)\n  }\n": typeof types.DeleteLabelDocument,
    "\n  fragment CustomerNotificationSettingsFields on Organization {\n    id\n    settings {\n      customerNotificationDelayMinutes\n      customerNotificationWindowHours\n      holdNotificationsAtNight\n    }\n  }\n": typeof types.CustomerNotificationSettingsFieldsFragmentDoc,
    "\n  mutation UpdateCustomerNotificationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      ...CustomerNotificationSettingsFields\n    }\n  }\n": typeof types.UpdateCustomerNotificationSettingsDocument,
    "\n  query NotificationLog {\n    notificationLog(first: 50) {\n      id\n      recipientKind\n      channel\n      maskedAddress\n      status\n      reason\n      createdAt\n      sentAt\n    }\n  }\n": typeof types.NotificationLogDocument,
    "\n  query NotificationSettings {\n    viewer {\n      organization {\n        id\n        ...CustomerNotificationSettingsFields\n      }\n    }\n  }\n": typeof types.NotificationSettingsDocument,
    "\n  fragment PharmacySettingsFields on Organization {\n    id\n    settings {\n      replyTimeText\n      primaryColor\n      timeZone\n      language\n      widgetThreads\n      retentionDays\n      businessHours {\n        day\n        opens\n        closes\n      }\n      autoReply {\n        enabled\n        textEn\n        textNl\n      }\n    }\n  }\n": typeof types.PharmacySettingsFieldsFragmentDoc,
    "\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      ...PharmacySettingsFields\n    }\n  }\n": typeof types.UpdateOrganizationSettingsDocument,
    "\n  query PharmacySettings {\n    viewer {\n      organization {\n        id\n        ...PharmacySettingsFields\n      }\n    }\n  }\n": typeof types.PharmacySettingsDocument,
    "\n  fragment SavedReplyRowFields on SavedReply {\n    id\n    shortcut\n    title\n    body\n    shared\n  }\n": typeof types.SavedReplyRowFieldsFragmentDoc,
    "\n  query SavedReplies {\n    savedReplies {\n      id\n      ...SavedReplyRowFields\n    }\n    viewer {\n      permissions\n    }\n  }\n": typeof types.SavedRepliesDocument,
    "\n  mutation DeleteSavedReply($id: ID!) {\n    deleteSavedReply(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteSavedReplyDocument,
    "\n  mutation CreateSavedReply($input: CreateSavedReplyInput!) {\n    createSavedReply(input: $input) {\n      id\n      ...SavedReplyRowFields\n    }\n  }\n": typeof types.CreateSavedReplyDocument,
    "\n  mutation UpdateSavedReply($input: UpdateSavedReplyInput!) {\n    updateSavedReply(input: $input) {\n      id\n      ...SavedReplyRowFields\n    }\n  }\n": typeof types.UpdateSavedReplyDocument,
    "\n  fragment DurationCellsFields on DurationStats {\n    count\n    medianSeconds\n    averageSeconds\n  }\n": typeof types.DurationCellsFieldsFragmentDoc,
    "\n  fragment LabelStatsFields on ConversationStats {\n    byLabel {\n      label {\n        id\n        ...LabelChipFields\n      }\n      conversations\n      openConversations\n      createdConversations\n    }\n  }\n": typeof types.LabelStatsFieldsFragmentDoc,
    "\n  query ConversationStats($input: ConversationStatsInput!) {\n    conversationStats(input: $input) {\n      from\n      to\n      timeZone\n      businessHoursOnly\n      askedConversations\n      openedToday\n      unreadConversations\n      byStatus {\n        status\n        count\n      }\n      firstResponse {\n        ...DurationCellsFields\n      }\n      resolution {\n        ...DurationCellsFields\n      }\n      byChannel {\n        channel\n        askedConversations\n        firstResponse {\n          ...DurationCellsFields\n        }\n        resolution {\n          ...DurationCellsFields\n        }\n      }\n      byStaffMember {\n        staffMember {\n          id\n          name\n        }\n        firstResponse {\n          ...DurationCellsFields\n        }\n        resolution {\n          ...DurationCellsFields\n        }\n      }\n      ...LabelStatsFields\n    }\n  }\n": typeof types.ConversationStatsDocument,
    "\n  query MailDeliveries {\n    mailDeliveries(first: 20) {\n      id\n      template\n      recipient\n      status\n      attempts\n      lastError\n      createdAt\n    }\n  }\n": typeof types.MailDeliveriesDocument,
    "\n  query StaffInvites {\n    staffInvites {\n      id\n      email\n      name\n      role\n      state\n      sentAt\n      expiresAt\n    }\n  }\n": typeof types.StaffInvitesDocument,
    "\n  mutation ResendStaffInvite($id: ID!) {\n    resendStaffInvite(id: $id) {\n      id\n      state\n      sentAt\n      expiresAt\n    }\n  }\n": typeof types.ResendStaffInviteDocument,
    "\n  mutation RevokeStaffInvite($id: ID!) {\n    revokeStaffInvite(id: $id) {\n      id\n      state\n    }\n  }\n": typeof types.RevokeStaffInviteDocument,
    "\n  query Team {\n    viewer {\n      staff {\n        id\n      }\n    }\n    staffMembers(includeDeactivated: true) {\n      id\n      name\n      email\n      role\n      active\n      twoFactorEnabled\n    }\n  }\n": typeof types.TeamDocument,
    "\n  mutation SetStaffRole($id: ID!, $role: StaffRole!) {\n    setStaffRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.SetStaffRoleDocument,
    "\n  mutation DeactivateStaff($id: ID!) {\n    deactivateStaff(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.DeactivateStaffDocument,
    "\n  mutation ReactivateStaff($id: ID!) {\n    reactivateStaff(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.ReactivateStaffDocument,
    "\n  mutation EndStaffSessions($staffId: ID!) {\n    endStaffSessions(staffId: $staffId) {\n      id\n    }\n  }\n": typeof types.EndStaffSessionsDocument,
    "\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.InviteStaffDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, status: $status, first: 20, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          attemptCount\n          createdAt\n          nextAttemptAt\n          event {\n            id\n            type\n          }\n          attempts {\n            attempt\n            statusCode\n            error\n            durationMs\n            startedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    enabled\n    events\n    audience\n    createdAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  mutation SetWebhookEnabled($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.SetWebhookEnabledDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WidgetSecret {\n    widgetSecret\n  }\n": typeof types.WidgetSecretDocument,
    "\n  mutation RotateWidgetSecret {\n    rotateWidgetSecret\n  }\n": typeof types.RotateWidgetSecretDocument,
    "fragment ActorFields on Actor {\n  __typename\n  ... on Customer {\n    id\n    name\n  }\n  ... on StaffMember {\n    id\n    name\n  }\n  ... on PartnerApp {\n    id\n    name\n  }\n}": typeof types.ActorFieldsFragmentDoc,
    "query CallDetails($id: ID!) {\n  call(id: $id) {\n    id\n    iceServers {\n      urls\n      username\n      credential\n    }\n  }\n}\n\nmutation JoinCall($callId: ID!) {\n  joinCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation LeaveCall($callId: ID!) {\n  leaveCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation SendCallOffer($input: CallDescriptionInput!) {\n  sendCallOffer(input: $input)\n}\n\nmutation SendCallAnswer($input: CallDescriptionInput!) {\n  sendCallAnswer(input: $input)\n}\n\nmutation SendIceCandidate($input: IceCandidateInput!) {\n  sendIceCandidate(input: $input)\n}\n\nmutation SetCallMedia($input: CallMediaInput!) {\n  setCallMedia(input: $input)\n}\n\nsubscription CallEvents($callId: ID!) {\n  callEvents(callId: $callId) {\n    kind\n    side\n    sdp\n    call {\n      id\n      state\n      durationSeconds\n    }\n    candidate {\n      candidate\n      sdpMid\n      sdpMLineIndex\n      usernameFragment\n    }\n    media {\n      audioMuted\n      videoMuted\n      screenSharing\n    }\n  }\n}": typeof types.CallDetailsDocument,
};
const documents: Documents = {
    "\n  query MyAccount {\n    viewer {\n      staff {\n        id\n        name\n        email\n        twoFactorEnabled\n      }\n      organization {\n        id\n        settings {\n          requireTwoFactor\n        }\n      }\n    }\n  }\n": types.MyAccountDocument,
    "\n  mutation UpdateMyProfile($name: String!) {\n    updateMyProfile(name: $name) {\n      id\n      name\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangeMyPasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      userAgent\n      ip\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": types.EndSessionDocument,
    "\n  mutation EndAllMySessions {\n    endAllMySessions\n  }\n": types.EndAllMySessionsDocument,
    "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      qrCodeDataUrl\n    }\n  }\n": types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code) {\n      recoveryCodes\n    }\n  }\n": types.ConfirmTwoFactorEnrolmentDocument,
    "\n  mutation DisableTwoFactor($password: String!, $code: String!) {\n    disableTwoFactor(password: $password, code: $code)\n  }\n": types.DisableTwoFactorDocument,
    "\n  query ActiveCall($conversationId: ID!) {\n    activeCall(conversationId: $conversationId) {\n      id\n      state\n    }\n  }\n": types.ActiveCallDocument,
    "\n  mutation StartCall($conversationId: ID!) {\n    startCall(conversationId: $conversationId) {\n      id\n      state\n    }\n  }\n": types.StartCallDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      sequence\n      conversationId\n      clientMessageId\n      ...MessageBubbleFields\n    }\n  }\n": types.SendMessageDocument,
    "\n  query ComposerSavedReplies {\n    savedReplies {\n      id\n      shortcut\n      title\n      body\n      shared\n    }\n    viewer {\n      staff {\n        id\n        name\n      }\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.ComposerSavedRepliesDocument,
    "\n  fragment WhatsAppWindowFields on Conversation {\n    id\n    whatsAppWindow {\n      open\n      closesAt\n      templates {\n        name\n        language\n      }\n    }\n  }\n": types.WhatsAppWindowFieldsFragmentDoc,
    "\n  mutation SendWhatsAppTemplate($input: SendWhatsAppTemplateInput!) {\n    sendWhatsAppTemplate(input: $input) {\n      id\n      sequence\n      ...TimelineMessageFields\n    }\n  }\n": types.SendWhatsAppTemplateDocument,
    "\n  query StaffMembers {\n    staffMembers {\n      id\n      name\n    }\n  }\n": types.StaffMembersDocument,
    "\n  mutation AssignConversation($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      id\n      assignee {\n        id\n        name\n      }\n    }\n  }\n": types.AssignConversationDocument,
    "\n  fragment AttachmentFields on Attachment {\n    id\n    fileName\n    contentType\n    byteSize\n    isImage\n    width\n    height\n    url\n    thumbnailUrl\n  }\n": types.AttachmentFieldsFragmentDoc,
    "\n  fragment ConversationHeaderFields on Conversation {\n    id\n    subject\n    status\n    priority\n    snoozedUntil\n    lastSequence\n    customerOnline\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    assignee {\n      id\n      name\n    }\n    labels {\n      id\n      ...LabelChipFields\n    }\n  }\n": types.ConversationHeaderFieldsFragmentDoc,
    "\n  mutation SetConversationStatus($input: SetConversationStatusInput!) {\n    setConversationStatus(input: $input) {\n      id\n      status\n      updatedAt\n    }\n  }\n": types.SetConversationStatusDocument,
    "\n  query ConversationThread($id: ID!, $last: Int!, $before: String) {\n    conversation(id: $id) {\n      id\n      unreadCount\n      lastSequence\n      customer {\n        id\n        name\n      }\n      ...ConversationHeaderFields\n      ...CustomerPanelFields\n      ...WhatsAppWindowFields\n      participants {\n        id\n        role\n        lastReadSequence\n        actor {\n          ...ActorFields\n        }\n      }\n      messages(last: $last, before: $before) {\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            sequence\n            ...TimelineMessageFields\n          }\n        }\n      }\n    }\n  }\n": types.ConversationThreadDocument,
    "\n  mutation MarkConversationRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      id\n      unreadCount\n    }\n  }\n": types.MarkConversationReadDocument,
    "\n  mutation MarkConversationUnread($input: ConversationRefInput!) {\n    markConversationUnread(input: $input) {\n      id\n      unreadCount\n    }\n  }\n": types.MarkConversationUnreadDocument,
    "\n  mutation DeleteMessage($messageId: ID!) {\n    deleteMessage(messageId: $messageId) {\n      id\n      body\n      deletedAt\n    }\n  }\n": types.DeleteMessageDocument,
    "\n  fragment MessageBubbleFields on Message {\n    id\n    sequence\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    sender {\n      ...ActorFields\n      ... on StaffMember {\n        active\n      }\n    }\n    replyTo {\n      id\n      body\n      deletedAt\n      sender {\n        ...ActorFields\n      }\n    }\n    attachments {\n      ...AttachmentFields\n    }\n    delivery {\n      state\n      reason\n    }\n    ...ReactionChipsFields\n  }\n": types.MessageBubbleFieldsFragmentDoc,
    "\n  mutation EditMessage($input: EditMessageInput!) {\n    editMessage(input: $input) {\n      id\n      body\n      editedAt\n    }\n  }\n": types.EditMessageDocument,
    "\n  fragment TimelineMessageFields on Message {\n    id\n    sequence\n    conversationId\n    clientMessageId\n    createdAt\n    kind\n    sender {\n      ...ActorFields\n    }\n    ...MessageBubbleFields\n    ...SystemMessageFields\n  }\n": types.TimelineMessageFieldsFragmentDoc,
    "\n  mutation SetConversationPriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) {\n      id\n      priority\n      updatedAt\n    }\n  }\n": types.SetConversationPriorityDocument,
    "\n  fragment ReactionChipsFields on Message {\n    id\n    reactions {\n      id\n      emoji\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n": types.ReactionChipsFieldsFragmentDoc,
    "\n  mutation AddReaction($messageId: ID!, $emoji: String!) {\n    addReaction(messageId: $messageId, emoji: $emoji) {\n      id\n      ...ReactionChipsFields\n    }\n  }\n": types.AddReactionDocument,
    "\n  mutation RemoveReaction($messageId: ID!, $emoji: String!) {\n    removeReaction(messageId: $messageId, emoji: $emoji) {\n      id\n      ...ReactionChipsFields\n    }\n  }\n": types.RemoveReactionDocument,
    "\n  fragment SnoozeStateFields on Conversation {\n    id\n    status\n    snoozedUntil\n    updatedAt\n  }\n": types.SnoozeStateFieldsFragmentDoc,
    "\n  mutation SnoozeConversation($input: SnoozeConversationInput!) {\n    snoozeConversation(input: $input) {\n      ...SnoozeStateFields\n    }\n  }\n": types.SnoozeConversationDocument,
    "\n  mutation UnsnoozeConversation($input: ConversationRefInput!) {\n    unsnoozeConversation(input: $input) {\n      ...SnoozeStateFields\n    }\n  }\n": types.UnsnoozeConversationDocument,
    "\n  fragment SystemMessageFields on Message {\n    id\n    createdAt\n    body\n    systemEvent {\n      type\n      from\n      to\n      durationSeconds\n    }\n  }\n": types.SystemMessageFieldsFragmentDoc,
    "\n  subscription Typing($conversationId: ID!) {\n    typing(conversationId: $conversationId) {\n      typing\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n": types.TypingDocument,
    "\n  mutation SetTyping($conversationId: ID!, $typing: Boolean!) {\n    setTyping(conversationId: $conversationId, typing: $typing)\n  }\n": types.SetTypingDocument,
    "\n  subscription ConversationEvents($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      conversationId\n      kind\n      message {\n        id\n        sequence\n        ...TimelineMessageFields\n      }\n      read {\n        sequence\n        reader {\n          ...ActorFields\n        }\n      }\n    }\n  }\n": types.ConversationEventsDocument,
    "\n  subscription PresenceChanged {\n    presenceChanged {\n      online\n      actor {\n        __typename\n        ... on Customer {\n          id\n        }\n      }\n    }\n  }\n": types.PresenceChangedDocument,
    "\n  mutation BlockCustomer($id: ID!) {\n    blockCustomer(customerId: $id) {\n      id\n      blockedAt\n    }\n  }\n": types.BlockCustomerDocument,
    "\n  mutation UnblockCustomer($id: ID!) {\n    unblockCustomer(customerId: $id) {\n      id\n      blockedAt\n    }\n  }\n": types.UnblockCustomerDocument,
    "\n  mutation IssueChatToken($customerId: ID!) {\n    issueChatToken(customerId: $customerId) {\n      chatLink\n      expiresAt\n    }\n  }\n": types.IssueChatTokenDocument,
    "\n  fragment CustomerPanelFields on Conversation {\n    id\n    customer {\n      id\n      name\n      phone\n      email\n      externalId\n      dateOfBirth\n      preferredLanguage\n      staffNote\n      blockedAt\n      unverified\n      createdAt\n      emailNotifications {\n        ...NotificationConsentFields\n      }\n      smsNotifications {\n        ...NotificationConsentFields\n      }\n    }\n  }\n": types.CustomerPanelFieldsFragmentDoc,
    "\n  query CustomerThreads($filter: ConversationFilter!) {\n    conversations(first: 20, filter: $filter) {\n      edges {\n        node {\n          id\n          subject\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n": types.CustomerThreadsDocument,
    "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      name\n      phone\n      email\n      externalId\n      dateOfBirth\n      preferredLanguage\n      staffNote\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  mutation CreateCustomerFromDashboard($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n": types.CreateCustomerFromDashboardDocument,
    "\n  mutation StartFirstConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n": types.StartFirstConversationDocument,
    "\n  fragment NotificationConsentFields on NotificationConsent {\n    active\n    consentedAt\n    optedOutAt\n  }\n": types.NotificationConsentFieldsFragmentDoc,
    "\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n": types.StartConversationDocument,
    "\n  fragment ConversationRowFields on Conversation {\n    id\n    subject\n    status\n    priority\n    channel\n    snoozedUntil\n    unreadCount\n    lastActivityAt\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    assignee {\n      id\n      name\n    }\n    labels {\n      id\n      ...LabelChipFields\n    }\n    lastMessage {\n      id\n      sequence\n      body\n      deletedAt\n      kind\n      systemEvent {\n        type\n        to\n      }\n      attachments {\n        id\n      }\n      sender {\n        __typename\n        ... on StaffMember {\n          id\n        }\n      }\n    }\n  }\n": types.ConversationRowFieldsFragmentDoc,
    "\n  query Inbox($filter: ConversationFilter, $orderBy: ConversationOrder, $after: String) {\n    conversations(first: 25, after: $after, filter: $filter, orderBy: $orderBy) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          unreadCount\n          lastActivityAt\n          updatedAt\n          snoozedUntil\n          waitingSince\n          assignee {\n            id\n          }\n          labels {\n            id\n          }\n          customer {\n            id\n          }\n          ...ConversationRowFields\n        }\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  fragment MessageSearchHitFields on MessageSearchHit {\n    message {\n      id\n      sequence\n      createdAt\n    }\n    conversation {\n      id\n      subject\n      customer {\n        id\n        name\n      }\n    }\n    snippet {\n      text\n      highlighted\n    }\n  }\n": types.MessageSearchHitFieldsFragmentDoc,
    "\n  query MessageSearch($query: String!, $after: String, $from: DateTimeISO, $to: DateTimeISO) {\n    searchMessages(query: $query, first: 20, after: $after, from: $from, to: $to) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          message {\n            id\n          }\n          ...MessageSearchHitFields\n        }\n      }\n    }\n  }\n": types.MessageSearchDocument,
    "\n  subscription InboxEvents {\n    inboxEvents {\n      id\n      status\n      priority\n      unreadCount\n      lastActivityAt\n      updatedAt\n      snoozedUntil\n      waitingSince\n      lastSequence\n      assignee {\n        id\n      }\n      labels {\n        id\n      }\n      customer {\n        id\n        name\n      }\n      lastMessage {\n        id\n        createdAt\n        sender {\n          __typename\n        }\n      }\n      ...ConversationRowFields\n    }\n  }\n": types.InboxEventsDocument,
    "\n  query WaitingCount {\n    conversations(first: 1, filter: { awaitingReply: true, snoozed: false }) {\n      totalCount\n    }\n  }\n": types.WaitingCountDocument,
    "\n  fragment LabelChipFields on Label {\n    id\n    name\n    colour\n  }\n": types.LabelChipFieldsFragmentDoc,
    "\n  mutation AddConversationLabel($conversationId: ID!, $labelId: ID!) {\n    addConversationLabel(conversationId: $conversationId, labelId: $labelId) {\n      id\n      updatedAt\n      labels {\n        id\n        ...LabelChipFields\n      }\n    }\n  }\n": types.AddConversationLabelDocument,
    "\n  mutation RemoveConversationLabel($conversationId: ID!, $labelId: ID!) {\n    removeConversationLabel(conversationId: $conversationId, labelId: $labelId) {\n      id\n      updatedAt\n      labels {\n        id\n        ...LabelChipFields\n      }\n    }\n  }\n": types.RemoveConversationLabelDocument,
    "\n  query Labels {\n    labels {\n      id\n      name\n      colour\n      ...LabelChipFields\n    }\n  }\n": types.LabelsDocument,
    "\n  query DashboardViewer {\n    viewer {\n      permissions\n      staff {\n        id\n        name\n      }\n      organization {\n        id\n        name\n        settings {\n          timeZone\n          businessHours {\n            day\n            opens\n            closes\n          }\n        }\n      }\n    }\n  }\n": types.DashboardViewerDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query MyMentions {\n    myMentions {\n      id\n      conversationId\n      createdAt\n      message {\n        id\n        body\n        sender {\n          ... on StaffMember {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.MyMentionsDocument,
    "\n  mutation WriteNote($input: WriteNoteInput!) {\n    writeNote(input: $input) {\n      id\n      ...TimelineMessageFields\n    }\n  }\n": types.WriteNoteDocument,
    "\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      browser\n      sound\n      push\n      digest\n      conversations\n      webPushPublicKey\n    }\n  }\n": types.MyNotificationPreferencesDocument,
    "\n  mutation UpdateMyNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateMyNotificationPreferences(input: $input) {\n      browser\n      sound\n      push\n      digest\n      conversations\n      webPushPublicKey\n    }\n  }\n": types.UpdateMyNotificationPreferencesDocument,
    "\n  mutation RegisterPushSubscription($input: PushSubscriptionInput!) {\n    registerPushSubscription(input: $input) {\n      id\n    }\n  }\n": types.RegisterPushSubscriptionDocument,
    "\n  mutation RemovePushSubscription($endpoint: String!) {\n    removePushSubscription(endpoint: $endpoint)\n  }\n": types.RemovePushSubscriptionDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation AcceptStaffInvite($token: String!, $password: String!) {\n    acceptStaffInvite(token: $token, password: $password) {\n      ...SignInResultFields\n    }\n  }\n": types.AcceptStaffInviteDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      ...SignInResultFields\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation CompleteSignIn($challenge: String!, $code: String, $recoveryCode: String) {\n    completeSignIn(challenge: $challenge, code: $code, recoveryCode: $recoveryCode) {\n      token\n      expiresAt\n      staff {\n        id\n      }\n    }\n  }\n": types.CompleteSignInDocument,
    "\n  mutation BeginEnrolmentWithChallenge($challenge: String) {\n    beginTwoFactorEnrolment(challenge: $challenge) {\n      secret\n      qrCodeDataUrl\n    }\n  }\n": types.BeginEnrolmentWithChallengeDocument,
    "\n  mutation ConfirmEnrolmentWithChallenge($code: String!, $challenge: String) {\n    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {\n      recoveryCodes\n      session {\n        token\n        expiresAt\n        staff {\n          id\n        }\n      }\n    }\n  }\n": types.ConfirmEnrolmentWithChallengeDocument,
    "\n  fragment SignInResultFields on SignInResult {\n    token\n    expiresAt\n    staff {\n      id\n    }\n    challenge {\n      token\n      kind\n    }\n  }\n": types.SignInResultFieldsFragmentDoc,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      ...SignInResultFields\n    }\n  }\n": types.SignInDocument,
    "\n  fragment ApiKeyRowFields on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n": types.ApiKeyRowFieldsFragmentDoc,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      ...ApiKeyRowFields\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRowFields\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...ApiKeyRowFields\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  query AuditLog($actions: [AuditAction!], $actorId: ID, $after: String) {\n    auditLog(first: 50, after: $after, actions: $actions, actorId: $actorId) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          createdAt\n          ip\n          objectType\n          objectId\n          actor {\n            ...ActorFields\n          }\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query ChannelConnections {\n    channelConnections {\n      id\n      kind\n      name\n      phoneNumber\n      enabled\n      webhookUrl\n      whatsappPhoneNumberId\n      twilioAccountSid\n      secretHints {\n        accessToken\n        appSecret\n        verifyToken\n        authToken\n      }\n      whatsappTemplates {\n        name\n        language\n      }\n    }\n  }\n": types.ChannelConnectionsDocument,
    "\n  mutation CreateChannelConnection($input: CreateChannelConnectionInput!) {\n    createChannelConnection(input: $input) {\n      id\n    }\n  }\n": types.CreateChannelConnectionDocument,
    "\n  mutation DeleteChannelConnection($id: ID!) {\n    deleteChannelConnection(id: $id) {\n      id\n    }\n  }\n": types.DeleteChannelConnectionDocument,
    "\n  mutation RefreshWhatsAppTemplates($id: ID!) {\n    refreshWhatsAppTemplates(id: $id) {\n      id\n      whatsappTemplates {\n        name\n        language\n      }\n    }\n  }\n": types.RefreshWhatsAppTemplatesDocument,
    "\n  mutation CreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) {\n      id\n      name\n      colour\n    }\n  }\n": types.CreateLabelDocument,
    "\n  mutation UpdateLabel($input: UpdateLabelInput!) {\n    updateLabel(input: $input) {\n      id\n      name\n      colour\n    }\n  }\n": types.UpdateLabelDocument,
    "\n  mutation DeleteLabel($labelId: ID!) {\n    deleteLabel(labelId: $labelId)\n  }\n": types.DeleteLabelDocument,
    "\n  fragment CustomerNotificationSettingsFields on Organization {\n    id\n    settings {\n      customerNotificationDelayMinutes\n      customerNotificationWindowHours\n      holdNotificationsAtNight\n    }\n  }\n": types.CustomerNotificationSettingsFieldsFragmentDoc,
    "\n  mutation UpdateCustomerNotificationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      ...CustomerNotificationSettingsFields\n    }\n  }\n": types.UpdateCustomerNotificationSettingsDocument,
    "\n  query NotificationLog {\n    notificationLog(first: 50) {\n      id\n      recipientKind\n      channel\n      maskedAddress\n      status\n      reason\n      createdAt\n      sentAt\n    }\n  }\n": types.NotificationLogDocument,
    "\n  query NotificationSettings {\n    viewer {\n      organization {\n        id\n        ...CustomerNotificationSettingsFields\n      }\n    }\n  }\n": types.NotificationSettingsDocument,
    "\n  fragment PharmacySettingsFields on Organization {\n    id\n    settings {\n      replyTimeText\n      primaryColor\n      timeZone\n      language\n      widgetThreads\n      retentionDays\n      businessHours {\n        day\n        opens\n        closes\n      }\n      autoReply {\n        enabled\n        textEn\n        textNl\n      }\n    }\n  }\n": types.PharmacySettingsFieldsFragmentDoc,
    "\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      ...PharmacySettingsFields\n    }\n  }\n": types.UpdateOrganizationSettingsDocument,
    "\n  query PharmacySettings {\n    viewer {\n      organization {\n        id\n        ...PharmacySettingsFields\n      }\n    }\n  }\n": types.PharmacySettingsDocument,
    "\n  fragment SavedReplyRowFields on SavedReply {\n    id\n    shortcut\n    title\n    body\n    shared\n  }\n": types.SavedReplyRowFieldsFragmentDoc,
    "\n  query SavedReplies {\n    savedReplies {\n      id\n      ...SavedReplyRowFields\n    }\n    viewer {\n      permissions\n    }\n  }\n": types.SavedRepliesDocument,
    "\n  mutation DeleteSavedReply($id: ID!) {\n    deleteSavedReply(id: $id) {\n      id\n    }\n  }\n": types.DeleteSavedReplyDocument,
    "\n  mutation CreateSavedReply($input: CreateSavedReplyInput!) {\n    createSavedReply(input: $input) {\n      id\n      ...SavedReplyRowFields\n    }\n  }\n": types.CreateSavedReplyDocument,
    "\n  mutation UpdateSavedReply($input: UpdateSavedReplyInput!) {\n    updateSavedReply(input: $input) {\n      id\n      ...SavedReplyRowFields\n    }\n  }\n": types.UpdateSavedReplyDocument,
    "\n  fragment DurationCellsFields on DurationStats {\n    count\n    medianSeconds\n    averageSeconds\n  }\n": types.DurationCellsFieldsFragmentDoc,
    "\n  fragment LabelStatsFields on ConversationStats {\n    byLabel {\n      label {\n        id\n        ...LabelChipFields\n      }\n      conversations\n      openConversations\n      createdConversations\n    }\n  }\n": types.LabelStatsFieldsFragmentDoc,
    "\n  query ConversationStats($input: ConversationStatsInput!) {\n    conversationStats(input: $input) {\n      from\n      to\n      timeZone\n      businessHoursOnly\n      askedConversations\n      openedToday\n      unreadConversations\n      byStatus {\n        status\n        count\n      }\n      firstResponse {\n        ...DurationCellsFields\n      }\n      resolution {\n        ...DurationCellsFields\n      }\n      byChannel {\n        channel\n        askedConversations\n        firstResponse {\n          ...DurationCellsFields\n        }\n        resolution {\n          ...DurationCellsFields\n        }\n      }\n      byStaffMember {\n        staffMember {\n          id\n          name\n        }\n        firstResponse {\n          ...DurationCellsFields\n        }\n        resolution {\n          ...DurationCellsFields\n        }\n      }\n      ...LabelStatsFields\n    }\n  }\n": types.ConversationStatsDocument,
    "\n  query MailDeliveries {\n    mailDeliveries(first: 20) {\n      id\n      template\n      recipient\n      status\n      attempts\n      lastError\n      createdAt\n    }\n  }\n": types.MailDeliveriesDocument,
    "\n  query StaffInvites {\n    staffInvites {\n      id\n      email\n      name\n      role\n      state\n      sentAt\n      expiresAt\n    }\n  }\n": types.StaffInvitesDocument,
    "\n  mutation ResendStaffInvite($id: ID!) {\n    resendStaffInvite(id: $id) {\n      id\n      state\n      sentAt\n      expiresAt\n    }\n  }\n": types.ResendStaffInviteDocument,
    "\n  mutation RevokeStaffInvite($id: ID!) {\n    revokeStaffInvite(id: $id) {\n      id\n      state\n    }\n  }\n": types.RevokeStaffInviteDocument,
    "\n  query Team {\n    viewer {\n      staff {\n        id\n      }\n    }\n    staffMembers(includeDeactivated: true) {\n      id\n      name\n      email\n      role\n      active\n      twoFactorEnabled\n    }\n  }\n": types.TeamDocument,
    "\n  mutation SetStaffRole($id: ID!, $role: StaffRole!) {\n    setStaffRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n": types.SetStaffRoleDocument,
    "\n  mutation DeactivateStaff($id: ID!) {\n    deactivateStaff(id: $id) {\n      id\n      active\n    }\n  }\n": types.DeactivateStaffDocument,
    "\n  mutation ReactivateStaff($id: ID!) {\n    reactivateStaff(id: $id) {\n      id\n      active\n    }\n  }\n": types.ReactivateStaffDocument,
    "\n  mutation EndStaffSessions($staffId: ID!) {\n    endStaffSessions(staffId: $staffId) {\n      id\n    }\n  }\n": types.EndStaffSessionsDocument,
    "\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      id\n      state\n    }\n  }\n": types.InviteStaffDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, status: $status, first: 20, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          attemptCount\n          createdAt\n          nextAttemptAt\n          event {\n            id\n            type\n          }\n          attempts {\n            attempt\n            statusCode\n            error\n            durationMs\n            startedAt\n          }\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    enabled\n    events\n    audience\n    createdAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  mutation SetWebhookEnabled($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      ...WebhookEndpointFields\n    }\n  }\n": types.SetWebhookEnabledDocument,
    "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      ...WebhookEndpointFields\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WidgetSecret {\n    widgetSecret\n  }\n": types.WidgetSecretDocument,
    "\n  mutation RotateWidgetSecret {\n    rotateWidgetSecret\n  }\n": types.RotateWidgetSecretDocument,
    "fragment ActorFields on Actor {\n  __typename\n  ... on Customer {\n    id\n    name\n  }\n  ... on StaffMember {\n    id\n    name\n  }\n  ... on PartnerApp {\n    id\n    name\n  }\n}": types.ActorFieldsFragmentDoc,
    "query CallDetails($id: ID!) {\n  call(id: $id) {\n    id\n    iceServers {\n      urls\n      username\n      credential\n    }\n  }\n}\n\nmutation JoinCall($callId: ID!) {\n  joinCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation LeaveCall($callId: ID!) {\n  leaveCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation SendCallOffer($input: CallDescriptionInput!) {\n  sendCallOffer(input: $input)\n}\n\nmutation SendCallAnswer($input: CallDescriptionInput!) {\n  sendCallAnswer(input: $input)\n}\n\nmutation SendIceCandidate($input: IceCandidateInput!) {\n  sendIceCandidate(input: $input)\n}\n\nmutation SetCallMedia($input: CallMediaInput!) {\n  setCallMedia(input: $input)\n}\n\nsubscription CallEvents($callId: ID!) {\n  callEvents(callId: $callId) {\n    kind\n    side\n    sdp\n    call {\n      id\n      state\n      durationSeconds\n    }\n    candidate {\n      candidate\n      sdpMid\n      sdpMLineIndex\n      usernameFragment\n    }\n    media {\n      audioMuted\n      videoMuted\n      screenSharing\n    }\n  }\n}": types.CallDetailsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccount {\n    viewer {\n      staff {\n        id\n        name\n        email\n        twoFactorEnabled\n      }\n      organization {\n        id\n        settings {\n          requireTwoFactor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAccount {\n    viewer {\n      staff {\n        id\n        name\n        email\n        twoFactorEnabled\n      }\n      organization {\n        id\n        settings {\n          requireTwoFactor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($name: String!) {\n    updateMyProfile(name: $name) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($name: String!) {\n    updateMyProfile(name: $name) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {\n    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      userAgent\n      ip\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      userAgent\n      ip\n      createdAt\n      lastSeenAt\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndAllMySessions {\n    endAllMySessions\n  }\n"): (typeof documents)["\n  mutation EndAllMySessions {\n    endAllMySessions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      qrCodeDataUrl\n    }\n  }\n"): (typeof documents)["\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      qrCodeDataUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code) {\n      recoveryCodes\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code) {\n      recoveryCodes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTwoFactor($password: String!, $code: String!) {\n    disableTwoFactor(password: $password, code: $code)\n  }\n"): (typeof documents)["\n  mutation DisableTwoFactor($password: String!, $code: String!) {\n    disableTwoFactor(password: $password, code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveCall($conversationId: ID!) {\n    activeCall(conversationId: $conversationId) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  query ActiveCall($conversationId: ID!) {\n    activeCall(conversationId: $conversationId) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCall($conversationId: ID!) {\n    startCall(conversationId: $conversationId) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation StartCall($conversationId: ID!) {\n    startCall(conversationId: $conversationId) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      sequence\n      conversationId\n      clientMessageId\n      ...MessageBubbleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      sequence\n      conversationId\n      clientMessageId\n      ...MessageBubbleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComposerSavedReplies {\n    savedReplies {\n      id\n      shortcut\n      title\n      body\n      shared\n    }\n    viewer {\n      staff {\n        id\n        name\n      }\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ComposerSavedReplies {\n    savedReplies {\n      id\n      shortcut\n      title\n      body\n      shared\n    }\n    viewer {\n      staff {\n        id\n        name\n      }\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WhatsAppWindowFields on Conversation {\n    id\n    whatsAppWindow {\n      open\n      closesAt\n      templates {\n        name\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WhatsAppWindowFields on Conversation {\n    id\n    whatsAppWindow {\n      open\n      closesAt\n      templates {\n        name\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendWhatsAppTemplate($input: SendWhatsAppTemplateInput!) {\n    sendWhatsAppTemplate(input: $input) {\n      id\n      sequence\n      ...TimelineMessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation SendWhatsAppTemplate($input: SendWhatsAppTemplateInput!) {\n    sendWhatsAppTemplate(input: $input) {\n      id\n      sequence\n      ...TimelineMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffMembers {\n    staffMembers {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query StaffMembers {\n    staffMembers {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignConversation($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      id\n      assignee {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignConversation($input: AssignConversationInput!) {\n    assignConversation(input: $input) {\n      id\n      assignee {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AttachmentFields on Attachment {\n    id\n    fileName\n    contentType\n    byteSize\n    isImage\n    width\n    height\n    url\n    thumbnailUrl\n  }\n"): (typeof documents)["\n  fragment AttachmentFields on Attachment {\n    id\n    fileName\n    contentType\n    byteSize\n    isImage\n    width\n    height\n    url\n    thumbnailUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationHeaderFields on Conversation {\n    id\n    subject\n    status\n    priority\n    snoozedUntil\n    lastSequence\n    customerOnline\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    assignee {\n      id\n      name\n    }\n    labels {\n      id\n      ...LabelChipFields\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationHeaderFields on Conversation {\n    id\n    subject\n    status\n    priority\n    snoozedUntil\n    lastSequence\n    customerOnline\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    assignee {\n      id\n      name\n    }\n    labels {\n      id\n      ...LabelChipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetConversationStatus($input: SetConversationStatusInput!) {\n    setConversationStatus(input: $input) {\n      id\n      status\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetConversationStatus($input: SetConversationStatusInput!) {\n    setConversationStatus(input: $input) {\n      id\n      status\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationThread($id: ID!, $last: Int!, $before: String) {\n    conversation(id: $id) {\n      id\n      unreadCount\n      lastSequence\n      customer {\n        id\n        name\n      }\n      ...ConversationHeaderFields\n      ...CustomerPanelFields\n      ...WhatsAppWindowFields\n      participants {\n        id\n        role\n        lastReadSequence\n        actor {\n          ...ActorFields\n        }\n      }\n      messages(last: $last, before: $before) {\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            sequence\n            ...TimelineMessageFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversationThread($id: ID!, $last: Int!, $before: String) {\n    conversation(id: $id) {\n      id\n      unreadCount\n      lastSequence\n      customer {\n        id\n        name\n      }\n      ...ConversationHeaderFields\n      ...CustomerPanelFields\n      ...WhatsAppWindowFields\n      participants {\n        id\n        role\n        lastReadSequence\n        actor {\n          ...ActorFields\n        }\n      }\n      messages(last: $last, before: $before) {\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            sequence\n            ...TimelineMessageFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkConversationRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      id\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkConversationRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      id\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkConversationUnread($input: ConversationRefInput!) {\n    markConversationUnread(input: $input) {\n      id\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkConversationUnread($input: ConversationRefInput!) {\n    markConversationUnread(input: $input) {\n      id\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMessage($messageId: ID!) {\n    deleteMessage(messageId: $messageId) {\n      id\n      body\n      deletedAt\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMessage($messageId: ID!) {\n    deleteMessage(messageId: $messageId) {\n      id\n      body\n      deletedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageBubbleFields on Message {\n    id\n    sequence\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    sender {\n      ...ActorFields\n      ... on StaffMember {\n        active\n      }\n    }\n    replyTo {\n      id\n      body\n      deletedAt\n      sender {\n        ...ActorFields\n      }\n    }\n    attachments {\n      ...AttachmentFields\n    }\n    delivery {\n      state\n      reason\n    }\n    ...ReactionChipsFields\n  }\n"): (typeof documents)["\n  fragment MessageBubbleFields on Message {\n    id\n    sequence\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    sender {\n      ...ActorFields\n      ... on StaffMember {\n        active\n      }\n    }\n    replyTo {\n      id\n      body\n      deletedAt\n      sender {\n        ...ActorFields\n      }\n    }\n    attachments {\n      ...AttachmentFields\n    }\n    delivery {\n      state\n      reason\n    }\n    ...ReactionChipsFields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditMessage($input: EditMessageInput!) {\n    editMessage(input: $input) {\n      id\n      body\n      editedAt\n    }\n  }\n"): (typeof documents)["\n  mutation EditMessage($input: EditMessageInput!) {\n    editMessage(input: $input) {\n      id\n      body\n      editedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TimelineMessageFields on Message {\n    id\n    sequence\n    conversationId\n    clientMessageId\n    createdAt\n    kind\n    sender {\n      ...ActorFields\n    }\n    ...MessageBubbleFields\n    ...SystemMessageFields\n  }\n"): (typeof documents)["\n  fragment TimelineMessageFields on Message {\n    id\n    sequence\n    conversationId\n    clientMessageId\n    createdAt\n    kind\n    sender {\n      ...ActorFields\n    }\n    ...MessageBubbleFields\n    ...SystemMessageFields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetConversationPriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) {\n      id\n      priority\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetConversationPriority($input: SetConversationPriorityInput!) {\n    setConversationPriority(input: $input) {\n      id\n      priority\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReactionChipsFields on Message {\n    id\n    reactions {\n      id\n      emoji\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ReactionChipsFields on Message {\n    id\n    reactions {\n      id\n      emoji\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddReaction($messageId: ID!, $emoji: String!) {\n    addReaction(messageId: $messageId, emoji: $emoji) {\n      id\n      ...ReactionChipsFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddReaction($messageId: ID!, $emoji: String!) {\n    addReaction(messageId: $messageId, emoji: $emoji) {\n      id\n      ...ReactionChipsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveReaction($messageId: ID!, $emoji: String!) {\n    removeReaction(messageId: $messageId, emoji: $emoji) {\n      id\n      ...ReactionChipsFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveReaction($messageId: ID!, $emoji: String!) {\n    removeReaction(messageId: $messageId, emoji: $emoji) {\n      id\n      ...ReactionChipsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SnoozeStateFields on Conversation {\n    id\n    status\n    snoozedUntil\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment SnoozeStateFields on Conversation {\n    id\n    status\n    snoozedUntil\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SnoozeConversation($input: SnoozeConversationInput!) {\n    snoozeConversation(input: $input) {\n      ...SnoozeStateFields\n    }\n  }\n"): (typeof documents)["\n  mutation SnoozeConversation($input: SnoozeConversationInput!) {\n    snoozeConversation(input: $input) {\n      ...SnoozeStateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsnoozeConversation($input: ConversationRefInput!) {\n    unsnoozeConversation(input: $input) {\n      ...SnoozeStateFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnsnoozeConversation($input: ConversationRefInput!) {\n    unsnoozeConversation(input: $input) {\n      ...SnoozeStateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SystemMessageFields on Message {\n    id\n    createdAt\n    body\n    systemEvent {\n      type\n      from\n      to\n      durationSeconds\n    }\n  }\n"): (typeof documents)["\n  fragment SystemMessageFields on Message {\n    id\n    createdAt\n    body\n    systemEvent {\n      type\n      from\n      to\n      durationSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Typing($conversationId: ID!) {\n    typing(conversationId: $conversationId) {\n      typing\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription Typing($conversationId: ID!) {\n    typing(conversationId: $conversationId) {\n      typing\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTyping($conversationId: ID!, $typing: Boolean!) {\n    setTyping(conversationId: $conversationId, typing: $typing)\n  }\n"): (typeof documents)["\n  mutation SetTyping($conversationId: ID!, $typing: Boolean!) {\n    setTyping(conversationId: $conversationId, typing: $typing)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationEvents($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      conversationId\n      kind\n      message {\n        id\n        sequence\n        ...TimelineMessageFields\n      }\n      read {\n        sequence\n        reader {\n          ...ActorFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationEvents($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      conversationId\n      kind\n      message {\n        id\n        sequence\n        ...TimelineMessageFields\n      }\n      read {\n        sequence\n        reader {\n          ...ActorFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PresenceChanged {\n    presenceChanged {\n      online\n      actor {\n        __typename\n        ... on Customer {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription PresenceChanged {\n    presenceChanged {\n      online\n      actor {\n        __typename\n        ... on Customer {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockCustomer($id: ID!) {\n    blockCustomer(customerId: $id) {\n      id\n      blockedAt\n    }\n  }\n"): (typeof documents)["\n  mutation BlockCustomer($id: ID!) {\n    blockCustomer(customerId: $id) {\n      id\n      blockedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnblockCustomer($id: ID!) {\n    unblockCustomer(customerId: $id) {\n      id\n      blockedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UnblockCustomer($id: ID!) {\n    unblockCustomer(customerId: $id) {\n      id\n      blockedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueChatToken($customerId: ID!) {\n    issueChatToken(customerId: $customerId) {\n      chatLink\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation IssueChatToken($customerId: ID!) {\n    issueChatToken(customerId: $customerId) {\n      chatLink\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerPanelFields on Conversation {\n    id\n    customer {\n      id\n      name\n      phone\n      email\n      externalId\n      dateOfBirth\n      preferredLanguage\n      staffNote\n      blockedAt\n      unverified\n      createdAt\n      emailNotifications {\n        ...NotificationConsentFields\n      }\n      smsNotifications {\n        ...NotificationConsentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerPanelFields on Conversation {\n    id\n    customer {\n      id\n      name\n      phone\n      email\n      externalId\n      dateOfBirth\n      preferredLanguage\n      staffNote\n      blockedAt\n      unverified\n      createdAt\n      emailNotifications {\n        ...NotificationConsentFields\n      }\n      smsNotifications {\n        ...NotificationConsentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerThreads($filter: ConversationFilter!) {\n    conversations(first: 20, filter: $filter) {\n      edges {\n        node {\n          id\n          subject\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerThreads($filter: ConversationFilter!) {\n    conversations(first: 20, filter: $filter) {\n      edges {\n        node {\n          id\n          subject\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      name\n      phone\n      email\n      externalId\n      dateOfBirth\n      preferredLanguage\n      staffNote\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      name\n      phone\n      email\n      externalId\n      dateOfBirth\n      preferredLanguage\n      staffNote\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomerFromDashboard($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomerFromDashboard($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartFirstConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartFirstConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationConsentFields on NotificationConsent {\n    active\n    consentedAt\n    optedOutAt\n  }\n"): (typeof documents)["\n  fragment NotificationConsentFields on NotificationConsent {\n    active\n    consentedAt\n    optedOutAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationRowFields on Conversation {\n    id\n    subject\n    status\n    priority\n    channel\n    snoozedUntil\n    unreadCount\n    lastActivityAt\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    assignee {\n      id\n      name\n    }\n    labels {\n      id\n      ...LabelChipFields\n    }\n    lastMessage {\n      id\n      sequence\n      body\n      deletedAt\n      kind\n      systemEvent {\n        type\n        to\n      }\n      attachments {\n        id\n      }\n      sender {\n        __typename\n        ... on StaffMember {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationRowFields on Conversation {\n    id\n    subject\n    status\n    priority\n    channel\n    snoozedUntil\n    unreadCount\n    lastActivityAt\n    customer {\n      id\n      name\n      phone\n      email\n    }\n    assignee {\n      id\n      name\n    }\n    labels {\n      id\n      ...LabelChipFields\n    }\n    lastMessage {\n      id\n      sequence\n      body\n      deletedAt\n      kind\n      systemEvent {\n        type\n        to\n      }\n      attachments {\n        id\n      }\n      sender {\n        __typename\n        ... on StaffMember {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($filter: ConversationFilter, $orderBy: ConversationOrder, $after: String) {\n    conversations(first: 25, after: $after, filter: $filter, orderBy: $orderBy) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          unreadCount\n          lastActivityAt\n          updatedAt\n          snoozedUntil\n          waitingSince\n          assignee {\n            id\n          }\n          labels {\n            id\n          }\n          customer {\n            id\n          }\n          ...ConversationRowFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($filter: ConversationFilter, $orderBy: ConversationOrder, $after: String) {\n    conversations(first: 25, after: $after, filter: $filter, orderBy: $orderBy) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          unreadCount\n          lastActivityAt\n          updatedAt\n          snoozedUntil\n          waitingSince\n          assignee {\n            id\n          }\n          labels {\n            id\n          }\n          customer {\n            id\n          }\n          ...ConversationRowFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageSearchHitFields on MessageSearchHit {\n    message {\n      id\n      sequence\n      createdAt\n    }\n    conversation {\n      id\n      subject\n      customer {\n        id\n        name\n      }\n    }\n    snippet {\n      text\n      highlighted\n    }\n  }\n"): (typeof documents)["\n  fragment MessageSearchHitFields on MessageSearchHit {\n    message {\n      id\n      sequence\n      createdAt\n    }\n    conversation {\n      id\n      subject\n      customer {\n        id\n        name\n      }\n    }\n    snippet {\n      text\n      highlighted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageSearch($query: String!, $after: String, $from: DateTimeISO, $to: DateTimeISO) {\n    searchMessages(query: $query, first: 20, after: $after, from: $from, to: $to) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          message {\n            id\n          }\n          ...MessageSearchHitFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageSearch($query: String!, $after: String, $from: DateTimeISO, $to: DateTimeISO) {\n    searchMessages(query: $query, first: 20, after: $after, from: $from, to: $to) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          message {\n            id\n          }\n          ...MessageSearchHitFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription InboxEvents {\n    inboxEvents {\n      id\n      status\n      priority\n      unreadCount\n      lastActivityAt\n      updatedAt\n      snoozedUntil\n      waitingSince\n      lastSequence\n      assignee {\n        id\n      }\n      labels {\n        id\n      }\n      customer {\n        id\n        name\n      }\n      lastMessage {\n        id\n        createdAt\n        sender {\n          __typename\n        }\n      }\n      ...ConversationRowFields\n    }\n  }\n"): (typeof documents)["\n  subscription InboxEvents {\n    inboxEvents {\n      id\n      status\n      priority\n      unreadCount\n      lastActivityAt\n      updatedAt\n      snoozedUntil\n      waitingSince\n      lastSequence\n      assignee {\n        id\n      }\n      labels {\n        id\n      }\n      customer {\n        id\n        name\n      }\n      lastMessage {\n        id\n        createdAt\n        sender {\n          __typename\n        }\n      }\n      ...ConversationRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WaitingCount {\n    conversations(first: 1, filter: { awaitingReply: true, snoozed: false }) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query WaitingCount {\n    conversations(first: 1, filter: { awaitingReply: true, snoozed: false }) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabelChipFields on Label {\n    id\n    name\n    colour\n  }\n"): (typeof documents)["\n  fragment LabelChipFields on Label {\n    id\n    name\n    colour\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddConversationLabel($conversationId: ID!, $labelId: ID!) {\n    addConversationLabel(conversationId: $conversationId, labelId: $labelId) {\n      id\n      updatedAt\n      labels {\n        id\n        ...LabelChipFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddConversationLabel($conversationId: ID!, $labelId: ID!) {\n    addConversationLabel(conversationId: $conversationId, labelId: $labelId) {\n      id\n      updatedAt\n      labels {\n        id\n        ...LabelChipFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveConversationLabel($conversationId: ID!, $labelId: ID!) {\n    removeConversationLabel(conversationId: $conversationId, labelId: $labelId) {\n      id\n      updatedAt\n      labels {\n        id\n        ...LabelChipFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveConversationLabel($conversationId: ID!, $labelId: ID!) {\n    removeConversationLabel(conversationId: $conversationId, labelId: $labelId) {\n      id\n      updatedAt\n      labels {\n        id\n        ...LabelChipFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Labels {\n    labels {\n      id\n      name\n      colour\n      ...LabelChipFields\n    }\n  }\n"): (typeof documents)["\n  query Labels {\n    labels {\n      id\n      name\n      colour\n      ...LabelChipFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardViewer {\n    viewer {\n      permissions\n      staff {\n        id\n        name\n      }\n      organization {\n        id\n        name\n        settings {\n          timeZone\n          businessHours {\n            day\n            opens\n            closes\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardViewer {\n    viewer {\n      permissions\n      staff {\n        id\n        name\n      }\n      organization {\n        id\n        name\n        settings {\n          timeZone\n          businessHours {\n            day\n            opens\n            closes\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMentions {\n    myMentions {\n      id\n      conversationId\n      createdAt\n      message {\n        id\n        body\n        sender {\n          ... on StaffMember {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyMentions {\n    myMentions {\n      id\n      conversationId\n      createdAt\n      message {\n        id\n        body\n        sender {\n          ... on StaffMember {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WriteNote($input: WriteNoteInput!) {\n    writeNote(input: $input) {\n      id\n      ...TimelineMessageFields\n    }\n  }\n"): (typeof documents)["\n  mutation WriteNote($input: WriteNoteInput!) {\n    writeNote(input: $input) {\n      id\n      ...TimelineMessageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      browser\n      sound\n      push\n      digest\n      conversations\n      webPushPublicKey\n    }\n  }\n"): (typeof documents)["\n  query MyNotificationPreferences {\n    myNotificationPreferences {\n      browser\n      sound\n      push\n      digest\n      conversations\n      webPushPublicKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateMyNotificationPreferences(input: $input) {\n      browser\n      sound\n      push\n      digest\n      conversations\n      webPushPublicKey\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateMyNotificationPreferences(input: $input) {\n      browser\n      sound\n      push\n      digest\n      conversations\n      webPushPublicKey\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPushSubscription($input: PushSubscriptionInput!) {\n    registerPushSubscription(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterPushSubscription($input: PushSubscriptionInput!) {\n    registerPushSubscription(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePushSubscription($endpoint: String!) {\n    removePushSubscription(endpoint: $endpoint)\n  }\n"): (typeof documents)["\n  mutation RemovePushSubscription($endpoint: String!) {\n    removePushSubscription(endpoint: $endpoint)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptStaffInvite($token: String!, $password: String!) {\n    acceptStaffInvite(token: $token, password: $password) {\n      ...SignInResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptStaffInvite($token: String!, $password: String!) {\n    acceptStaffInvite(token: $token, password: $password) {\n      ...SignInResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      ...SignInResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      ...SignInResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSignIn($challenge: String!, $code: String, $recoveryCode: String) {\n    completeSignIn(challenge: $challenge, code: $code, recoveryCode: $recoveryCode) {\n      token\n      expiresAt\n      staff {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSignIn($challenge: String!, $code: String, $recoveryCode: String) {\n    completeSignIn(challenge: $challenge, code: $code, recoveryCode: $recoveryCode) {\n      token\n      expiresAt\n      staff {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginEnrolmentWithChallenge($challenge: String) {\n    beginTwoFactorEnrolment(challenge: $challenge) {\n      secret\n      qrCodeDataUrl\n    }\n  }\n"): (typeof documents)["\n  mutation BeginEnrolmentWithChallenge($challenge: String) {\n    beginTwoFactorEnrolment(challenge: $challenge) {\n      secret\n      qrCodeDataUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmEnrolmentWithChallenge($code: String!, $challenge: String) {\n    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {\n      recoveryCodes\n      session {\n        token\n        expiresAt\n        staff {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmEnrolmentWithChallenge($code: String!, $challenge: String) {\n    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {\n      recoveryCodes\n      session {\n        token\n        expiresAt\n        staff {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SignInResultFields on SignInResult {\n    token\n    expiresAt\n    staff {\n      id\n    }\n    challenge {\n      token\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment SignInResultFields on SignInResult {\n    token\n    expiresAt\n    staff {\n      id\n    }\n    challenge {\n      token\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      ...SignInResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      ...SignInResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRowFields on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRowFields on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    lastUsedAt\n    expiresAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      ...ApiKeyRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      ...ApiKeyRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRowFields\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      id\n      ...ApiKeyRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...ApiKeyRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...ApiKeyRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($actions: [AuditAction!], $actorId: ID, $after: String) {\n    auditLog(first: 50, after: $after, actions: $actions, actorId: $actorId) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          createdAt\n          ip\n          objectType\n          objectId\n          actor {\n            ...ActorFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($actions: [AuditAction!], $actorId: ID, $after: String) {\n    auditLog(first: 50, after: $after, actions: $actions, actorId: $actorId) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          createdAt\n          ip\n          objectType\n          objectId\n          actor {\n            ...ActorFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChannelConnections {\n    channelConnections {\n      id\n      kind\n      name\n      phoneNumber\n      enabled\n      webhookUrl\n      whatsappPhoneNumberId\n      twilioAccountSid\n      secretHints {\n        accessToken\n        appSecret\n        verifyToken\n        authToken\n      }\n      whatsappTemplates {\n        name\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChannelConnections {\n    channelConnections {\n      id\n      kind\n      name\n      phoneNumber\n      enabled\n      webhookUrl\n      whatsappPhoneNumberId\n      twilioAccountSid\n      secretHints {\n        accessToken\n        appSecret\n        verifyToken\n        authToken\n      }\n      whatsappTemplates {\n        name\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChannelConnection($input: CreateChannelConnectionInput!) {\n    createChannelConnection(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateChannelConnection($input: CreateChannelConnectionInput!) {\n    createChannelConnection(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteChannelConnection($id: ID!) {\n    deleteChannelConnection(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteChannelConnection($id: ID!) {\n    deleteChannelConnection(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshWhatsAppTemplates($id: ID!) {\n    refreshWhatsAppTemplates(id: $id) {\n      id\n      whatsappTemplates {\n        name\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshWhatsAppTemplates($id: ID!) {\n    refreshWhatsAppTemplates(id: $id) {\n      id\n      whatsappTemplates {\n        name\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) {\n      id\n      name\n      colour\n    }\n  }\n"): (typeof documents)["\n  mutation CreateLabel($input: CreateLabelInput!) {\n    createLabel(input: $input) {\n      id\n      name\n      colour\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLabel($input: UpdateLabelInput!) {\n    updateLabel(input: $input) {\n      id\n      name\n      colour\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLabel($input: UpdateLabelInput!) {\n    updateLabel(input: $input) {\n      id\n      name\n      colour\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteLabel($labelId: ID!) {\n    deleteLabel(labelId: $labelId)\n  }\n"): (typeof documents)["\n  mutation DeleteLabel($labelId: ID!) {\n    deleteLabel(labelId: $labelId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerNotificationSettingsFields on Organization {\n    id\n    settings {\n      customerNotificationDelayMinutes\n      customerNotificationWindowHours\n      holdNotificationsAtNight\n    }\n  }\n"): (typeof documents)["\n  fragment CustomerNotificationSettingsFields on Organization {\n    id\n    settings {\n      customerNotificationDelayMinutes\n      customerNotificationWindowHours\n      holdNotificationsAtNight\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomerNotificationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      ...CustomerNotificationSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomerNotificationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      ...CustomerNotificationSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationLog {\n    notificationLog(first: 50) {\n      id\n      recipientKind\n      channel\n      maskedAddress\n      status\n      reason\n      createdAt\n      sentAt\n    }\n  }\n"): (typeof documents)["\n  query NotificationLog {\n    notificationLog(first: 50) {\n      id\n      recipientKind\n      channel\n      maskedAddress\n      status\n      reason\n      createdAt\n      sentAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSettings {\n    viewer {\n      organization {\n        id\n        ...CustomerNotificationSettingsFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationSettings {\n    viewer {\n      organization {\n        id\n        ...CustomerNotificationSettingsFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PharmacySettingsFields on Organization {\n    id\n    settings {\n      replyTimeText\n      primaryColor\n      timeZone\n      language\n      widgetThreads\n      retentionDays\n      businessHours {\n        day\n        opens\n        closes\n      }\n      autoReply {\n        enabled\n        textEn\n        textNl\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PharmacySettingsFields on Organization {\n    id\n    settings {\n      replyTimeText\n      primaryColor\n      timeZone\n      language\n      widgetThreads\n      retentionDays\n      businessHours {\n        day\n        opens\n        closes\n      }\n      autoReply {\n        enabled\n        textEn\n        textNl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      ...PharmacySettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id\n      ...PharmacySettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PharmacySettings {\n    viewer {\n      organization {\n        id\n        ...PharmacySettingsFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PharmacySettings {\n    viewer {\n      organization {\n        id\n        ...PharmacySettingsFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedReplyRowFields on SavedReply {\n    id\n    shortcut\n    title\n    body\n    shared\n  }\n"): (typeof documents)["\n  fragment SavedReplyRowFields on SavedReply {\n    id\n    shortcut\n    title\n    body\n    shared\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedReplies {\n    savedReplies {\n      id\n      ...SavedReplyRowFields\n    }\n    viewer {\n      permissions\n    }\n  }\n"): (typeof documents)["\n  query SavedReplies {\n    savedReplies {\n      id\n      ...SavedReplyRowFields\n    }\n    viewer {\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedReply($id: ID!) {\n    deleteSavedReply(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSavedReply($id: ID!) {\n    deleteSavedReply(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSavedReply($input: CreateSavedReplyInput!) {\n    createSavedReply(input: $input) {\n      id\n      ...SavedReplyRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSavedReply($input: CreateSavedReplyInput!) {\n    createSavedReply(input: $input) {\n      id\n      ...SavedReplyRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSavedReply($input: UpdateSavedReplyInput!) {\n    updateSavedReply(input: $input) {\n      id\n      ...SavedReplyRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSavedReply($input: UpdateSavedReplyInput!) {\n    updateSavedReply(input: $input) {\n      id\n      ...SavedReplyRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DurationCellsFields on DurationStats {\n    count\n    medianSeconds\n    averageSeconds\n  }\n"): (typeof documents)["\n  fragment DurationCellsFields on DurationStats {\n    count\n    medianSeconds\n    averageSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabelStatsFields on ConversationStats {\n    byLabel {\n      label {\n        id\n        ...LabelChipFields\n      }\n      conversations\n      openConversations\n      createdConversations\n    }\n  }\n"): (typeof documents)["\n  fragment LabelStatsFields on ConversationStats {\n    byLabel {\n      label {\n        id\n        ...LabelChipFields\n      }\n      conversations\n      openConversations\n      createdConversations\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationStats($input: ConversationStatsInput!) {\n    conversationStats(input: $input) {\n      from\n      to\n      timeZone\n      businessHoursOnly\n      askedConversations\n      openedToday\n      unreadConversations\n      byStatus {\n        status\n        count\n      }\n      firstResponse {\n        ...DurationCellsFields\n      }\n      resolution {\n        ...DurationCellsFields\n      }\n      byChannel {\n        channel\n        askedConversations\n        firstResponse {\n          ...DurationCellsFields\n        }\n        resolution {\n          ...DurationCellsFields\n        }\n      }\n      byStaffMember {\n        staffMember {\n          id\n          name\n        }\n        firstResponse {\n          ...DurationCellsFields\n        }\n        resolution {\n          ...DurationCellsFields\n        }\n      }\n      ...LabelStatsFields\n    }\n  }\n"): (typeof documents)["\n  query ConversationStats($input: ConversationStatsInput!) {\n    conversationStats(input: $input) {\n      from\n      to\n      timeZone\n      businessHoursOnly\n      askedConversations\n      openedToday\n      unreadConversations\n      byStatus {\n        status\n        count\n      }\n      firstResponse {\n        ...DurationCellsFields\n      }\n      resolution {\n        ...DurationCellsFields\n      }\n      byChannel {\n        channel\n        askedConversations\n        firstResponse {\n          ...DurationCellsFields\n        }\n        resolution {\n          ...DurationCellsFields\n        }\n      }\n      byStaffMember {\n        staffMember {\n          id\n          name\n        }\n        firstResponse {\n          ...DurationCellsFields\n        }\n        resolution {\n          ...DurationCellsFields\n        }\n      }\n      ...LabelStatsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailDeliveries {\n    mailDeliveries(first: 20) {\n      id\n      template\n      recipient\n      status\n      attempts\n      lastError\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query MailDeliveries {\n    mailDeliveries(first: 20) {\n      id\n      template\n      recipient\n      status\n      attempts\n      lastError\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffInvites {\n    staffInvites {\n      id\n      email\n      name\n      role\n      state\n      sentAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query StaffInvites {\n    staffInvites {\n      id\n      email\n      name\n      role\n      state\n      sentAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendStaffInvite($id: ID!) {\n    resendStaffInvite(id: $id) {\n      id\n      state\n      sentAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ResendStaffInvite($id: ID!) {\n    resendStaffInvite(id: $id) {\n      id\n      state\n      sentAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeStaffInvite($id: ID!) {\n    revokeStaffInvite(id: $id) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeStaffInvite($id: ID!) {\n    revokeStaffInvite(id: $id) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team {\n    viewer {\n      staff {\n        id\n      }\n    }\n    staffMembers(includeDeactivated: true) {\n      id\n      name\n      email\n      role\n      active\n      twoFactorEnabled\n    }\n  }\n"): (typeof documents)["\n  query Team {\n    viewer {\n      staff {\n        id\n      }\n    }\n    staffMembers(includeDeactivated: true) {\n      id\n      name\n      email\n      role\n      active\n      twoFactorEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStaffRole($id: ID!, $role: StaffRole!) {\n    setStaffRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation SetStaffRole($id: ID!, $role: StaffRole!) {\n    setStaffRole(id: $id, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateStaff($id: ID!) {\n    deactivateStaff(id: $id) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateStaff($id: ID!) {\n    deactivateStaff(id: $id) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateStaff($id: ID!) {\n    reactivateStaff(id: $id) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateStaff($id: ID!) {\n    reactivateStaff(id: $id) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndStaffSessions($staffId: ID!) {\n    endStaffSessions(staffId: $staffId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EndStaffSessions($staffId: ID!) {\n    endStaffSessions(staffId: $staffId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation InviteStaff($input: InviteStaffInput!) {\n    inviteStaff(input: $input) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, status: $status, first: 20, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          attemptCount\n          createdAt\n          nextAttemptAt\n          event {\n            id\n            type\n          }\n          attempts {\n            attempt\n            statusCode\n            error\n            durationMs\n            startedAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, status: $status, first: 20, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          attemptCount\n          createdAt\n          nextAttemptAt\n          event {\n            id\n            type\n          }\n          attempts {\n            attempt\n            statusCode\n            error\n            durationMs\n            startedAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      id\n      status\n      attemptCount\n      nextAttemptAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    enabled\n    events\n    audience\n    createdAt\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    enabled\n    events\n    audience\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookEnabled($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      ...WebhookEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetWebhookEnabled($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      ...WebhookEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      ...WebhookEndpointFields\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints {\n      id\n      ...WebhookEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WidgetSecret {\n    widgetSecret\n  }\n"): (typeof documents)["\n  query WidgetSecret {\n    widgetSecret\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWidgetSecret {\n    rotateWidgetSecret\n  }\n"): (typeof documents)["\n  mutation RotateWidgetSecret {\n    rotateWidgetSecret\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ActorFields on Actor {\n  __typename\n  ... on Customer {\n    id\n    name\n  }\n  ... on StaffMember {\n    id\n    name\n  }\n  ... on PartnerApp {\n    id\n    name\n  }\n}"): (typeof documents)["fragment ActorFields on Actor {\n  __typename\n  ... on Customer {\n    id\n    name\n  }\n  ... on StaffMember {\n    id\n    name\n  }\n  ... on PartnerApp {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CallDetails($id: ID!) {\n  call(id: $id) {\n    id\n    iceServers {\n      urls\n      username\n      credential\n    }\n  }\n}\n\nmutation JoinCall($callId: ID!) {\n  joinCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation LeaveCall($callId: ID!) {\n  leaveCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation SendCallOffer($input: CallDescriptionInput!) {\n  sendCallOffer(input: $input)\n}\n\nmutation SendCallAnswer($input: CallDescriptionInput!) {\n  sendCallAnswer(input: $input)\n}\n\nmutation SendIceCandidate($input: IceCandidateInput!) {\n  sendIceCandidate(input: $input)\n}\n\nmutation SetCallMedia($input: CallMediaInput!) {\n  setCallMedia(input: $input)\n}\n\nsubscription CallEvents($callId: ID!) {\n  callEvents(callId: $callId) {\n    kind\n    side\n    sdp\n    call {\n      id\n      state\n      durationSeconds\n    }\n    candidate {\n      candidate\n      sdpMid\n      sdpMLineIndex\n      usernameFragment\n    }\n    media {\n      audioMuted\n      videoMuted\n      screenSharing\n    }\n  }\n}"): (typeof documents)["query CallDetails($id: ID!) {\n  call(id: $id) {\n    id\n    iceServers {\n      urls\n      username\n      credential\n    }\n  }\n}\n\nmutation JoinCall($callId: ID!) {\n  joinCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation LeaveCall($callId: ID!) {\n  leaveCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation SendCallOffer($input: CallDescriptionInput!) {\n  sendCallOffer(input: $input)\n}\n\nmutation SendCallAnswer($input: CallDescriptionInput!) {\n  sendCallAnswer(input: $input)\n}\n\nmutation SendIceCandidate($input: IceCandidateInput!) {\n  sendIceCandidate(input: $input)\n}\n\nmutation SetCallMedia($input: CallMediaInput!) {\n  setCallMedia(input: $input)\n}\n\nsubscription CallEvents($callId: ID!) {\n  callEvents(callId: $callId) {\n    kind\n    side\n    sdp\n    call {\n      id\n      state\n      durationSeconds\n    }\n    candidate {\n      candidate\n      sdpMid\n      sdpMLineIndex\n      usernameFragment\n    }\n    media {\n      audioMuted\n      videoMuted\n      screenSharing\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;