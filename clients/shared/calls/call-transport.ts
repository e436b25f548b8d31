import type { ApolloClient } from '@apollo/client';
import type { DocumentNode } from 'graphql';

/** A call event as the CallEvents subscription delivers it (clients/shared/graphql/call.graphql). */
export interface CallSignal {
  kind: 'STATE' | 'JOINED' | 'LEFT' | 'OFFER' | 'ANSWER' | 'ICE_CANDIDATE' | 'MEDIA';
  side?: 'TEAM' | 'CUSTOMER' | null;
  sdp?: string | null;
  call?: { id: string; state: string; answeredAt?: string | null; endedAt?: string | null; durationSeconds?: number | null } | null;
  candidate?: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null; usernameFragment?: string | null } | null;
  media?: RemoteMedia | null;
}

export interface RemoteMedia {
  audioMuted: boolean;
  videoMuted: boolean;
  screenSharing: boolean;
}

/** How a call talks to the gateway: the engine (peer-call.ts) knows nothing of GraphQL. */
export interface CallTransport {
  /** Starts the call's event stream; returns the function that stops it. */
  listen(onSignal: (signal: CallSignal) => void, onError: (error: unknown) => void): () => void;
  join(): Promise<void>;
  leave(): Promise<void>;
  offer(sdp: string): Promise<void>;
  answer(sdp: string): Promise<void>;
  candidate(candidate: RTCIceCandidateInit): Promise<void>;
  media(media: RemoteMedia): Promise<void>;
}

/** The shared call documents, as each client's codegen typed them (they are the same operations). */
export interface CallDocuments {
  /** CallDetails: the call's ICE servers. */
  details: DocumentNode;
  events: DocumentNode;
  join: DocumentNode;
  leave: DocumentNode;
  offer: DocumentNode;
  answer: DocumentNode;
  candidate: DocumentNode;
  media: DocumentNode;
}

/** The transport over a client's Apollo connection (the socket for events, mutations for signals). */
export function apolloCallTransport(apollo: ApolloClient, callId: string, documents: CallDocuments): CallTransport {
  const send = async (mutation: DocumentNode, variables: Record<string, unknown>) => {
    await apollo.mutate({ mutation, variables });
  };
  return {
    listen(onSignal, onError) {
      const subscription = apollo.subscribe<{ callEvents: CallSignal }>({ query: documents.events, variables: { callId } }).subscribe({
        next: (result) => {
          if (result.data?.callEvents) onSignal(result.data.callEvents);
          else if (result.error) onError(result.error);
        },
        error: onError,
      });
      return () => subscription.unsubscribe();
    },
    join: () => send(documents.join, { callId }),
    leave: () => send(documents.leave, { callId }),
    offer: (sdp) => send(documents.offer, { input: { callId, sdp } }),
    answer: (sdp) => send(documents.answer, { input: { callId, sdp } }),
    candidate: (candidate) =>
      send(documents.candidate, {
        input: { callId, candidate: candidate.candidate ?? '', sdpMid: candidate.sdpMid ?? null, sdpMLineIndex: candidate.sdpMLineIndex ?? null, usernameFragment: candidate.usernameFragment ?? null },
      }),
    media: (media) => send(documents.media, { input: { callId, ...media } }),
  };
}

/** The call's STUN and TURN servers (TURN with credentials of its own), as RTCConfiguration wants them; none if they can't be read. */
export async function callIceServers(apollo: ApolloClient, callId: string, documents: CallDocuments): Promise<RTCIceServer[]> {
  const details = await apollo
    .query<{ call: { iceServers: { urls: string[]; username?: string | null; credential?: string | null }[] } }>({ query: documents.details, variables: { id: callId }, fetchPolicy: 'network-only' })
    .catch(() => null);
  return (details?.data?.call.iceServers ?? []).map((server) => ({ urls: server.urls, username: server.username ?? undefined, credential: server.credential ?? undefined }));
}
