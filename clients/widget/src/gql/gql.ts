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
    "fragment ActorFields on Actor {\n  __typename\n  ... on Customer {\n    id\n    name\n  }\n  ... on StaffMember {\n    id\n    name\n  }\n  ... on PartnerApp {\n    id\n    name\n  }\n}": typeof types.ActorFieldsFragmentDoc,
    "query CallDetails($id: ID!) {\n  call(id: $id) {\n    id\n    iceServers {\n      urls\n      username\n      credential\n    }\n  }\n}\n\nmutation JoinCall($callId: ID!) {\n  joinCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation LeaveCall($callId: ID!) {\n  leaveCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation SendCallOffer($input: CallDescriptionInput!) {\n  sendCallOffer(input: $input)\n}\n\nmutation SendCallAnswer($input: CallDescriptionInput!) {\n  sendCallAnswer(input: $input)\n}\n\nmutation SendIceCandidate($input: IceCandidateInput!) {\n  sendIceCandidate(input: $input)\n}\n\nmutation SetCallMedia($input: CallMediaInput!) {\n  setCallMedia(input: $input)\n}\n\nsubscription CallEvents($callId: ID!) {\n  callEvents(callId: $callId) {\n    kind\n    side\n    sdp\n    call {\n      id\n      state\n      durationSeconds\n    }\n    candidate {\n      candidate\n      sdpMid\n      sdpMLineIndex\n      usernameFragment\n    }\n    media {\n      audioMuted\n      videoMuted\n      screenSharing\n    }\n  }\n}": typeof types.CallDetailsDocument,
    "\n  mutation EnterCallWaitingRoom($callId: ID!) {\n    enterCallWaitingRoom(callId: $callId) {\n      id\n    }\n  }\n": typeof types.EnterCallWaitingRoomDocument,
    "\n  mutation DeclineCall($callId: ID!) {\n    declineCall(callId: $callId) {\n      id\n    }\n  }\n": typeof types.DeclineCallDocument,
    "\n  query WidgetConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      participants {\n        id\n        role\n        lastReadSequence\n      }\n      messages(last: 50) {\n        edges {\n          node {\n            id\n            ...MessageBubble_message\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n": typeof types.WidgetConversationDocument,
    "\n  query WidgetEarlierMessages($id: ID!, $before: String!) {\n    conversation(id: $id) {\n      id\n      messages(last: 50, before: $before) {\n        edges {\n          node {\n            id\n            ...MessageBubble_message\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n": typeof types.WidgetEarlierMessagesDocument,
    "\n  subscription WidgetConversationEvents($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      kind\n      message {\n        id\n        ...MessageBubble_message\n      }\n      read {\n        sequence\n        reader {\n          __typename\n        }\n      }\n    }\n  }\n": typeof types.WidgetConversationEventsDocument,
    "\n  subscription WidgetTyping($conversationId: ID!) {\n    typing(conversationId: $conversationId) {\n      typing\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n": typeof types.WidgetTypingDocument,
    "\n  mutation WidgetSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      ...MessageBubble_message\n    }\n  }\n": typeof types.WidgetSendMessageDocument,
    "\n  mutation WidgetMarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      id\n      unreadCount\n    }\n  }\n": typeof types.WidgetMarkReadDocument,
    "\n  fragment MessageBubble_message on Message {\n    id\n    sequence\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    clientMessageId\n    systemEvent {\n      type\n      to\n      callId\n      durationSeconds\n    }\n    sender {\n      ...ActorFields\n    }\n    replyTo {\n      id\n      body\n      deletedAt\n      sender {\n        ...ActorFields\n      }\n    }\n    reactions {\n      id\n      emoji\n    }\n    attachments {\n      id\n      fileName\n      byteSize\n      isImage\n      url\n      thumbnailUrl\n    }\n  }\n": typeof types.MessageBubble_MessageFragmentDoc,
    "\n  mutation WidgetSetTyping($conversationId: ID!, $typing: Boolean!) {\n    setTyping(conversationId: $conversationId, typing: $typing)\n  }\n": typeof types.WidgetSetTypingDocument,
    "\n  fragment PanelHeader_config on WidgetConfig {\n    name\n    replyTimeText\n    openNow\n    timeZone\n    businessHours {\n      day\n      opens\n      closes\n    }\n  }\n": typeof types.PanelHeader_ConfigFragmentDoc,
    "\n  query WidgetConfig($slug: String!, $locale: String) {\n    widgetConfig(organizationSlug: $slug, locale: $locale) {\n      name\n      replyTimeText\n      primaryColor\n      threadPolicy\n      ...PanelHeader_config\n    }\n  }\n": typeof types.WidgetConfigDocument,
    "\n  mutation StartWidgetSession($input: StartWidgetSessionInput!) {\n    startWidgetSession(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.StartWidgetSessionDocument,
    "\n  mutation IdentifyWidgetCustomer($input: IdentifyWidgetCustomerInput!) {\n    identifyWidgetCustomer(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.IdentifyWidgetCustomerDocument,
    "\n  query WidgetThreads {\n    conversations(first: 20) {\n      edges {\n        node {\n          id\n          status\n          isDefault\n          unreadCount\n          lastSequence\n          ...ThreadList_conversation\n        }\n      }\n    }\n  }\n": typeof types.WidgetThreadsDocument,
    "\n  subscription WidgetInboxEvents {\n    inboxEvents {\n      id\n      status\n      isDefault\n      unreadCount\n      lastSequence\n      subject\n      createdAt\n      lastMessage {\n        id\n        sequence\n        sender {\n          __typename\n        }\n      }\n      ...ThreadList_conversation\n    }\n  }\n": typeof types.WidgetInboxEventsDocument,
    "\n  mutation StartWidgetConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n": typeof types.StartWidgetConversationDocument,
    "\n  fragment ThreadList_conversation on Conversation {\n    id\n    subject\n    status\n    unreadCount\n    createdAt\n    lastActivityAt\n    lastMessage {\n      id\n      sequence\n      kind\n      body\n      deletedAt\n      systemEvent {\n        type\n        to\n      }\n      sender {\n        __typename\n      }\n      attachments {\n        id\n        isImage\n      }\n    }\n  }\n": typeof types.ThreadList_ConversationFragmentDoc,
};
const documents: Documents = {
    "fragment ActorFields on Actor {\n  __typename\n  ... on Customer {\n    id\n    name\n  }\n  ... on StaffMember {\n    id\n    name\n  }\n  ... on PartnerApp {\n    id\n    name\n  }\n}": types.ActorFieldsFragmentDoc,
    "query CallDetails($id: ID!) {\n  call(id: $id) {\n    id\n    iceServers {\n      urls\n      username\n      credential\n    }\n  }\n}\n\nmutation JoinCall($callId: ID!) {\n  joinCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation LeaveCall($callId: ID!) {\n  leaveCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation SendCallOffer($input: CallDescriptionInput!) {\n  sendCallOffer(input: $input)\n}\n\nmutation SendCallAnswer($input: CallDescriptionInput!) {\n  sendCallAnswer(input: $input)\n}\n\nmutation SendIceCandidate($input: IceCandidateInput!) {\n  sendIceCandidate(input: $input)\n}\n\nmutation SetCallMedia($input: CallMediaInput!) {\n  setCallMedia(input: $input)\n}\n\nsubscription CallEvents($callId: ID!) {\n  callEvents(callId: $callId) {\n    kind\n    side\n    sdp\n    call {\n      id\n      state\n      durationSeconds\n    }\n    candidate {\n      candidate\n      sdpMid\n      sdpMLineIndex\n      usernameFragment\n    }\n    media {\n      audioMuted\n      videoMuted\n      screenSharing\n    }\n  }\n}": types.CallDetailsDocument,
    "\n  mutation EnterCallWaitingRoom($callId: ID!) {\n    enterCallWaitingRoom(callId: $callId) {\n      id\n    }\n  }\n": types.EnterCallWaitingRoomDocument,
    "\n  mutation DeclineCall($callId: ID!) {\n    declineCall(callId: $callId) {\n      id\n    }\n  }\n": types.DeclineCallDocument,
    "\n  query WidgetConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      participants {\n        id\n        role\n        lastReadSequence\n      }\n      messages(last: 50) {\n        edges {\n          node {\n            id\n            ...MessageBubble_message\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n": types.WidgetConversationDocument,
    "\n  query WidgetEarlierMessages($id: ID!, $before: String!) {\n    conversation(id: $id) {\n      id\n      messages(last: 50, before: $before) {\n        edges {\n          node {\n            id\n            ...MessageBubble_message\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n": types.WidgetEarlierMessagesDocument,
    "\n  subscription WidgetConversationEvents($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      kind\n      message {\n        id\n        ...MessageBubble_message\n      }\n      read {\n        sequence\n        reader {\n          __typename\n        }\n      }\n    }\n  }\n": types.WidgetConversationEventsDocument,
    "\n  subscription WidgetTyping($conversationId: ID!) {\n    typing(conversationId: $conversationId) {\n      typing\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n": types.WidgetTypingDocument,
    "\n  mutation WidgetSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      ...MessageBubble_message\n    }\n  }\n": types.WidgetSendMessageDocument,
    "\n  mutation WidgetMarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      id\n      unreadCount\n    }\n  }\n": types.WidgetMarkReadDocument,
    "\n  fragment MessageBubble_message on Message {\n    id\n    sequence\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    clientMessageId\n    systemEvent {\n      type\n      to\n      callId\n      durationSeconds\n    }\n    sender {\n      ...ActorFields\n    }\n    replyTo {\n      id\n      body\n      deletedAt\n      sender {\n        ...ActorFields\n      }\n    }\n    reactions {\n      id\n      emoji\n    }\n    attachments {\n      id\n      fileName\n      byteSize\n      isImage\n      url\n      thumbnailUrl\n    }\n  }\n": types.MessageBubble_MessageFragmentDoc,
    "\n  mutation WidgetSetTyping($conversationId: ID!, $typing: Boolean!) {\n    setTyping(conversationId: $conversationId, typing: $typing)\n  }\n": types.WidgetSetTypingDocument,
    "\n  fragment PanelHeader_config on WidgetConfig {\n    name\n    replyTimeText\n    openNow\n    timeZone\n    businessHours {\n      day\n      opens\n      closes\n    }\n  }\n": types.PanelHeader_ConfigFragmentDoc,
    "\n  query WidgetConfig($slug: String!, $locale: String) {\n    widgetConfig(organizationSlug: $slug, locale: $locale) {\n      name\n      replyTimeText\n      primaryColor\n      threadPolicy\n      ...PanelHeader_config\n    }\n  }\n": types.WidgetConfigDocument,
    "\n  mutation StartWidgetSession($input: StartWidgetSessionInput!) {\n    startWidgetSession(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": types.StartWidgetSessionDocument,
    "\n  mutation IdentifyWidgetCustomer($input: IdentifyWidgetCustomerInput!) {\n    identifyWidgetCustomer(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": types.IdentifyWidgetCustomerDocument,
    "\n  query WidgetThreads {\n    conversations(first: 20) {\n      edges {\n        node {\n          id\n          status\n          isDefault\n          unreadCount\n          lastSequence\n          ...ThreadList_conversation\n        }\n      }\n    }\n  }\n": types.WidgetThreadsDocument,
    "\n  subscription WidgetInboxEvents {\n    inboxEvents {\n      id\n      status\n      isDefault\n      unreadCount\n      lastSequence\n      subject\n      createdAt\n      lastMessage {\n        id\n        sequence\n        sender {\n          __typename\n        }\n      }\n      ...ThreadList_conversation\n    }\n  }\n": types.WidgetInboxEventsDocument,
    "\n  mutation StartWidgetConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n": types.StartWidgetConversationDocument,
    "\n  fragment ThreadList_conversation on Conversation {\n    id\n    subject\n    status\n    unreadCount\n    createdAt\n    lastActivityAt\n    lastMessage {\n      id\n      sequence\n      kind\n      body\n      deletedAt\n      systemEvent {\n        type\n        to\n      }\n      sender {\n        __typename\n      }\n      attachments {\n        id\n        isImage\n      }\n    }\n  }\n": types.ThreadList_ConversationFragmentDoc,
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
export function graphql(source: "fragment ActorFields on Actor {\n  __typename\n  ... on Customer {\n    id\n    name\n  }\n  ... on StaffMember {\n    id\n    name\n  }\n  ... on PartnerApp {\n    id\n    name\n  }\n}"): (typeof documents)["fragment ActorFields on Actor {\n  __typename\n  ... on Customer {\n    id\n    name\n  }\n  ... on StaffMember {\n    id\n    name\n  }\n  ... on PartnerApp {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CallDetails($id: ID!) {\n  call(id: $id) {\n    id\n    iceServers {\n      urls\n      username\n      credential\n    }\n  }\n}\n\nmutation JoinCall($callId: ID!) {\n  joinCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation LeaveCall($callId: ID!) {\n  leaveCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation SendCallOffer($input: CallDescriptionInput!) {\n  sendCallOffer(input: $input)\n}\n\nmutation SendCallAnswer($input: CallDescriptionInput!) {\n  sendCallAnswer(input: $input)\n}\n\nmutation SendIceCandidate($input: IceCandidateInput!) {\n  sendIceCandidate(input: $input)\n}\n\nmutation SetCallMedia($input: CallMediaInput!) {\n  setCallMedia(input: $input)\n}\n\nsubscription CallEvents($callId: ID!) {\n  callEvents(callId: $callId) {\n    kind\n    side\n    sdp\n    call {\n      id\n      state\n      durationSeconds\n    }\n    candidate {\n      candidate\n      sdpMid\n      sdpMLineIndex\n      usernameFragment\n    }\n    media {\n      audioMuted\n      videoMuted\n      screenSharing\n    }\n  }\n}"): (typeof documents)["query CallDetails($id: ID!) {\n  call(id: $id) {\n    id\n    iceServers {\n      urls\n      username\n      credential\n    }\n  }\n}\n\nmutation JoinCall($callId: ID!) {\n  joinCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation LeaveCall($callId: ID!) {\n  leaveCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation SendCallOffer($input: CallDescriptionInput!) {\n  sendCallOffer(input: $input)\n}\n\nmutation SendCallAnswer($input: CallDescriptionInput!) {\n  sendCallAnswer(input: $input)\n}\n\nmutation SendIceCandidate($input: IceCandidateInput!) {\n  sendIceCandidate(input: $input)\n}\n\nmutation SetCallMedia($input: CallMediaInput!) {\n  setCallMedia(input: $input)\n}\n\nsubscription CallEvents($callId: ID!) {\n  callEvents(callId: $callId) {\n    kind\n    side\n    sdp\n    call {\n      id\n      state\n      durationSeconds\n    }\n    candidate {\n      candidate\n      sdpMid\n      sdpMLineIndex\n      usernameFragment\n    }\n    media {\n      audioMuted\n      videoMuted\n      screenSharing\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnterCallWaitingRoom($callId: ID!) {\n    enterCallWaitingRoom(callId: $callId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation EnterCallWaitingRoom($callId: ID!) {\n    enterCallWaitingRoom(callId: $callId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineCall($callId: ID!) {\n    declineCall(callId: $callId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineCall($callId: ID!) {\n    declineCall(callId: $callId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WidgetConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      participants {\n        id\n        role\n        lastReadSequence\n      }\n      messages(last: 50) {\n        edges {\n          node {\n            id\n            ...MessageBubble_message\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WidgetConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      participants {\n        id\n        role\n        lastReadSequence\n      }\n      messages(last: 50) {\n        edges {\n          node {\n            id\n            ...MessageBubble_message\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WidgetEarlierMessages($id: ID!, $before: String!) {\n    conversation(id: $id) {\n      id\n      messages(last: 50, before: $before) {\n        edges {\n          node {\n            id\n            ...MessageBubble_message\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WidgetEarlierMessages($id: ID!, $before: String!) {\n    conversation(id: $id) {\n      id\n      messages(last: 50, before: $before) {\n        edges {\n          node {\n            id\n            ...MessageBubble_message\n          }\n        }\n        pageInfo {\n          hasPreviousPage\n          startCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WidgetConversationEvents($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      kind\n      message {\n        id\n        ...MessageBubble_message\n      }\n      read {\n        sequence\n        reader {\n          __typename\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WidgetConversationEvents($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      kind\n      message {\n        id\n        ...MessageBubble_message\n      }\n      read {\n        sequence\n        reader {\n          __typename\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WidgetTyping($conversationId: ID!) {\n    typing(conversationId: $conversationId) {\n      typing\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WidgetTyping($conversationId: ID!) {\n    typing(conversationId: $conversationId) {\n      typing\n      actor {\n        ...ActorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WidgetSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      ...MessageBubble_message\n    }\n  }\n"): (typeof documents)["\n  mutation WidgetSendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      id\n      ...MessageBubble_message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WidgetMarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      id\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation WidgetMarkRead($input: MarkConversationReadInput!) {\n    markConversationRead(input: $input) {\n      id\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageBubble_message on Message {\n    id\n    sequence\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    clientMessageId\n    systemEvent {\n      type\n      to\n      callId\n      durationSeconds\n    }\n    sender {\n      ...ActorFields\n    }\n    replyTo {\n      id\n      body\n      deletedAt\n      sender {\n        ...ActorFields\n      }\n    }\n    reactions {\n      id\n      emoji\n    }\n    attachments {\n      id\n      fileName\n      byteSize\n      isImage\n      url\n      thumbnailUrl\n    }\n  }\n"): (typeof documents)["\n  fragment MessageBubble_message on Message {\n    id\n    sequence\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    clientMessageId\n    systemEvent {\n      type\n      to\n      callId\n      durationSeconds\n    }\n    sender {\n      ...ActorFields\n    }\n    replyTo {\n      id\n      body\n      deletedAt\n      sender {\n        ...ActorFields\n      }\n    }\n    reactions {\n      id\n      emoji\n    }\n    attachments {\n      id\n      fileName\n      byteSize\n      isImage\n      url\n      thumbnailUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WidgetSetTyping($conversationId: ID!, $typing: Boolean!) {\n    setTyping(conversationId: $conversationId, typing: $typing)\n  }\n"): (typeof documents)["\n  mutation WidgetSetTyping($conversationId: ID!, $typing: Boolean!) {\n    setTyping(conversationId: $conversationId, typing: $typing)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PanelHeader_config on WidgetConfig {\n    name\n    replyTimeText\n    openNow\n    timeZone\n    businessHours {\n      day\n      opens\n      closes\n    }\n  }\n"): (typeof documents)["\n  fragment PanelHeader_config on WidgetConfig {\n    name\n    replyTimeText\n    openNow\n    timeZone\n    businessHours {\n      day\n      opens\n      closes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WidgetConfig($slug: String!, $locale: String) {\n    widgetConfig(organizationSlug: $slug, locale: $locale) {\n      name\n      replyTimeText\n      primaryColor\n      threadPolicy\n      ...PanelHeader_config\n    }\n  }\n"): (typeof documents)["\n  query WidgetConfig($slug: String!, $locale: String) {\n    widgetConfig(organizationSlug: $slug, locale: $locale) {\n      name\n      replyTimeText\n      primaryColor\n      threadPolicy\n      ...PanelHeader_config\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartWidgetSession($input: StartWidgetSessionInput!) {\n    startWidgetSession(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation StartWidgetSession($input: StartWidgetSessionInput!) {\n    startWidgetSession(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdentifyWidgetCustomer($input: IdentifyWidgetCustomerInput!) {\n    identifyWidgetCustomer(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation IdentifyWidgetCustomer($input: IdentifyWidgetCustomerInput!) {\n    identifyWidgetCustomer(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WidgetThreads {\n    conversations(first: 20) {\n      edges {\n        node {\n          id\n          status\n          isDefault\n          unreadCount\n          lastSequence\n          ...ThreadList_conversation\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WidgetThreads {\n    conversations(first: 20) {\n      edges {\n        node {\n          id\n          status\n          isDefault\n          unreadCount\n          lastSequence\n          ...ThreadList_conversation\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WidgetInboxEvents {\n    inboxEvents {\n      id\n      status\n      isDefault\n      unreadCount\n      lastSequence\n      subject\n      createdAt\n      lastMessage {\n        id\n        sequence\n        sender {\n          __typename\n        }\n      }\n      ...ThreadList_conversation\n    }\n  }\n"): (typeof documents)["\n  subscription WidgetInboxEvents {\n    inboxEvents {\n      id\n      status\n      isDefault\n      unreadCount\n      lastSequence\n      subject\n      createdAt\n      lastMessage {\n        id\n        sequence\n        sender {\n          __typename\n        }\n      }\n      ...ThreadList_conversation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartWidgetConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation StartWidgetConversation($input: StartConversationInput!) {\n    startConversation(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadList_conversation on Conversation {\n    id\n    subject\n    status\n    unreadCount\n    createdAt\n    lastActivityAt\n    lastMessage {\n      id\n      sequence\n      kind\n      body\n      deletedAt\n      systemEvent {\n        type\n        to\n      }\n      sender {\n        __typename\n      }\n      attachments {\n        id\n        isImage\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ThreadList_conversation on Conversation {\n    id\n    subject\n    status\n    unreadCount\n    createdAt\n    lastActivityAt\n    lastMessage {\n      id\n      sequence\n      kind\n      body\n      deletedAt\n      systemEvent {\n        type\n        to\n      }\n      sender {\n        __typename\n      }\n      attachments {\n        id\n        isImage\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;