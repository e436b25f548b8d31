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
    "\n  query OpenConversations($first: Int!) {\n    conversations(first: $first, filter: { status: [OPEN, PENDING] }) {\n      edges {\n        node {\n          id\n          subject\n          status\n          unreadCount\n          lastSequence\n          customer {\n            id\n            name\n          }\n          lastMessage {\n            body\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.OpenConversationsDocument,
    "\n  mutation PostReply($conversationId: ID!, $body: String!, $clientMessageId: String!) {\n    sendMessage(input: { conversationId: $conversationId, body: $body, clientMessageId: $clientMessageId }) {\n      id\n      sequence\n      createdAt\n    }\n  }\n": typeof types.PostReplyDocument,
    "\n  subscription WatchConversation($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      kind\n      message {\n        id\n        sequence\n        body\n        sender {\n          ...ActorFields\n        }\n      }\n    }\n  }\n": typeof types.WatchConversationDocument,
    "fragment ActorFields on Actor {\n  __typename\n  ... on Customer {\n    id\n    name\n  }\n  ... on StaffMember {\n    id\n    name\n  }\n  ... on PartnerApp {\n    id\n    name\n  }\n}": typeof types.ActorFieldsFragmentDoc,
    "query CallDetails($id: ID!) {\n  call(id: $id) {\n    id\n    iceServers {\n      urls\n      username\n      credential\n    }\n  }\n}\n\nmutation JoinCall($callId: ID!) {\n  joinCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation LeaveCall($callId: ID!) {\n  leaveCall(callId: $callId) {\n    id\n    state\n  }\n}\n\nmutation SendCallOffer($input: CallDescriptionInput!) {\n  sendCallOffer(input: $input)\n}\n\nmutation SendCallAnswer($input: CallDescriptionInput!) {\n  sendCallAnswer(input: $input)\n}\n\nmutation SendIceCandidate($input: IceCandidateInput!) {\n  sendIceCandidate(input: $input)\n}\n\nmutation SetCallMedia($input: CallMediaInput!) {\n  setCallMedia(input: $input)\n}\n\nsubscription CallEvents($callId: ID!) {\n  callEvents(callId: $callId) {\n    kind\n    side\n    sdp\n    call {\n      id\n      state\n      durationSeconds\n    }\n    candidate {\n      candidate\n      sdpMid\n      sdpMLineIndex\n      usernameFragment\n    }\n    media {\n      audioMuted\n      videoMuted\n      screenSharing\n    }\n  }\n}": typeof types.CallDetailsDocument,
};
const documents: Documents = {
    "\n  query OpenConversations($first: Int!) {\n    conversations(first: $first, filter: { status: [OPEN, PENDING] }) {\n      edges {\n        node {\n          id\n          subject\n          status\n          unreadCount\n          lastSequence\n          customer {\n            id\n            name\n          }\n          lastMessage {\n            body\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": types.OpenConversationsDocument,
    "\n  mutation PostReply($conversationId: ID!, $body: String!, $clientMessageId: String!) {\n    sendMessage(input: { conversationId: $conversationId, body: $body, clientMessageId: $clientMessageId }) {\n      id\n      sequence\n      createdAt\n    }\n  }\n": types.PostReplyDocument,
    "\n  subscription WatchConversation($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      kind\n      message {\n        id\n        sequence\n        body\n        sender {\n          ...ActorFields\n        }\n      }\n    }\n  }\n": types.WatchConversationDocument,
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
export function graphql(source: "\n  query OpenConversations($first: Int!) {\n    conversations(first: $first, filter: { status: [OPEN, PENDING] }) {\n      edges {\n        node {\n          id\n          subject\n          status\n          unreadCount\n          lastSequence\n          customer {\n            id\n            name\n          }\n          lastMessage {\n            body\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenConversations($first: Int!) {\n    conversations(first: $first, filter: { status: [OPEN, PENDING] }) {\n      edges {\n        node {\n          id\n          subject\n          status\n          unreadCount\n          lastSequence\n          customer {\n            id\n            name\n          }\n          lastMessage {\n            body\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostReply($conversationId: ID!, $body: String!, $clientMessageId: String!) {\n    sendMessage(input: { conversationId: $conversationId, body: $body, clientMessageId: $clientMessageId }) {\n      id\n      sequence\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation PostReply($conversationId: ID!, $body: String!, $clientMessageId: String!) {\n    sendMessage(input: { conversationId: $conversationId, body: $body, clientMessageId: $clientMessageId }) {\n      id\n      sequence\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchConversation($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      kind\n      message {\n        id\n        sequence\n        body\n        sender {\n          ...ActorFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WatchConversation($conversationId: ID!, $afterSequence: Int) {\n    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {\n      kind\n      message {\n        id\n        sequence\n        body\n        sender {\n          ...ActorFields\n        }\n      }\n    }\n  }\n"];
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