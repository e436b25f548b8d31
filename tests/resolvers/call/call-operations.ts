import type { TestGateway } from '../../support/test-gateway.js';
import type { PharmacyFixture } from '../../support/fixtures.js';

/** The operations the call tests send, and a thread to call in. */
export const CALL_FIELDS = 'id conversationId state createdAt answeredAt endedAt durationSeconds';
export const START = `mutation ($id: ID!) { startCall(conversationId: $id) { ${CALL_FIELDS} } }`;
export const WAIT = `mutation ($id: ID!) { enterCallWaitingRoom(callId: $id) { ${CALL_FIELDS} } }`;
export const JOIN = `mutation ($id: ID!) { joinCall(callId: $id) { ${CALL_FIELDS} } }`;
export const DECLINE = `mutation ($id: ID!) { declineCall(callId: $id) { ${CALL_FIELDS} } }`;
export const LEAVE = `mutation ($id: ID!) { leaveCall(callId: $id) { ${CALL_FIELDS} } }`;
export const CALL = `query ($id: ID!) { call(id: $id) { ${CALL_FIELDS} } }`;
export const OFFER = `mutation ($input: CallDescriptionInput!) { sendCallOffer(input: $input) }`;
export const ANSWER = `mutation ($input: CallDescriptionInput!) { sendCallAnswer(input: $input) }`;
export const CANDIDATE = `mutation ($input: IceCandidateInput!) { sendIceCandidate(input: $input) }`;
export const MEDIA = `mutation ($input: CallMediaInput!) { setCallMedia(input: $input) }`;
export const EVENTS = `subscription ($id: ID!) {
  callEvents(callId: $id) {
    kind callId side sdp
    call { id state durationSeconds }
    candidate { candidate sdpMid sdpMLineIndex }
    media { audioMuted videoMuted screenSharing }
    from { __typename ... on StaffMember { id } ... on Customer { id } }
  }
}`;
export const SYSTEM_MESSAGES = `query ($id: ID!) {
  conversation(id: $id) { messages(last: 20) { edges { node { kind body systemEvent { type callId durationSeconds } } } } }
}`;

/** A small offer as a browser would send it. */
export const SAMPLE_SDP = ['v=0', 'o=- 4611731400430051336 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'c=IN IP4 0.0.0.0', 'a=mid:0', 'a=sendrecv', ''].join('\r\n');

/** A thread of the pharmacy's first customer, started from the widget side. */
export async function startThread(gateway: TestGateway, pharmacy: PharmacyFixture, subject = 'Inhaler technique'): Promise<string> {
  const started = await gateway.graphql(`mutation ($s: String) { startConversation(input: { subject: $s }) { id } }`, { s: subject }, pharmacy.tokens.customer);
  return started.data.startConversation.id as string;
}

/** Staff ring the thread's customer; the call's id. */
export async function startCall(gateway: TestGateway, token: string, conversationId: string): Promise<string> {
  const started = await gateway.graphql(START, { id: conversationId }, token);
  if (!started.data?.startCall) throw new Error(`startCall failed: ${JSON.stringify(started.errors)}`);
  return started.data.startCall.id as string;
}

/** The call's SYSTEM messages in the thread, oldest first, as `viewer` reads them. */
export async function callMessages(gateway: TestGateway, token: string, conversationId: string) {
  const answer = await gateway.graphql(SYSTEM_MESSAGES, { id: conversationId }, token);
  const nodes = answer.data.conversation.messages.edges.map((edge: { node: any }) => edge.node) as { kind: string; body: string; systemEvent: any }[];
  return nodes.filter((node) => node.kind === 'SYSTEM' && String(node.systemEvent?.type).startsWith('CALL_'));
}
