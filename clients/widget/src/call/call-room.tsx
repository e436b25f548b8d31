import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { callDuration } from '../../../shared/calls/call-duration.js';
import { apolloCallTransport, callIceServers } from '../../../shared/calls/call-transport.js';
import { LocalMediaError, openLocalMedia, stopTracks, type MediaProblem } from '../../../shared/calls/local-media.js';
import { PeerCall, type CallSnapshot } from '../../../shared/calls/peer-call.js';
import { graphql } from '../gql/index.js';
import {
  CallDetailsDocument,
  CallEventsDocument,
  JoinCallDocument,
  LeaveCallDocument,
  SendCallAnswerDocument,
  SendCallOfferDocument,
  SendIceCandidateDocument,
  SetCallMediaDocument,
} from '../gql/graphql.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useCallStrings, type CallKey } from '../i18n/call-strings.js';
import { CallVideo } from './call-video.js';
import './call.css';

const EnterWaitingRoomMutation = graphql(`
  mutation EnterCallWaitingRoom($callId: ID!) {
    enterCallWaitingRoom(callId: $callId) {
      id
    }
  }
`);

const DeclineCallMutation = graphql(`
  mutation DeclineCall($callId: ID!) {
    declineCall(callId: $callId) {
      id
    }
  }
`);

const DOCUMENTS = {
  details: CallDetailsDocument,
  events: CallEventsDocument,
  join: JoinCallDocument,
  leave: LeaveCallDocument,
  offer: SendCallOfferDocument,
  answer: SendCallAnswerDocument,
  candidate: SendIceCandidateDocument,
  media: SetCallMediaDocument,
};

const MEDIA_WORDS: Record<MediaProblem, CallKey> = { denied: 'mediaDenied', 'no-device': 'mediaNoDevice', 'in-use': 'mediaInUse', unsupported: 'mediaUnsupported', failed: 'mediaFailed' };
const QUALITY_WORDS: Record<CallSnapshot['quality'], CallKey> = { good: 'callQualityGood', fair: 'callQualityFair', poor: 'callQualityPoor', unknown: 'callQualityUnknown' };

type Room = { step: 'opening' } | { step: 'problem'; problem: MediaProblem } | { step: 'waiting'; stream: MediaStream } | { step: 'call'; call: PeerCall; snapshot: CallSnapshot };

/**
 * The customer's side of a call, loaded on demand: a waiting room with a preview of camera
 * and microphone (the pharmacy sees "checking camera and microphone"), then the call.
 */
export default function CallRoom({ callId, onClose }: { callId: string; onClose(): void }) {
  const t = useCallStrings();
  const widgetT = useStrings();
  const apollo = useApolloClient();
  const [room, setRoom] = useState<Room>({ step: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const [enterWaitingRoom] = useMutation(EnterWaitingRoomMutation);
  const [decline] = useMutation(DeclineCallMutation);
  const owned = useRef<{ stream?: MediaStream; call?: PeerCall }>({});

  useEffect(() => {
    let cancelled = false;
    setRoom({ step: 'opening' });
    void enterWaitingRoom({ variables: { callId } }).catch(() => {});
    openLocalMedia().then(
      (stream) => {
        if (cancelled) return stopTracks(stream);
        owned.current.stream = stream;
        setRoom({ step: 'waiting', stream });
      },
      (error: unknown) => !cancelled && setRoom({ step: 'problem', problem: error instanceof LocalMediaError ? error.problem : 'failed' }),
    );
    return () => {
      cancelled = true;
    };
  }, [callId, attempt, enterWaitingRoom]);
  // Leaving the room (closing the card, the widget unmounting) lets go of camera and connection,
  // and hangs up a call still going on: nobody would be on it.
  useEffect(
    () => () => {
      const call = owned.current.call;
      if (call && call.current.phase !== 'ended') void call.hangUp().catch(() => {});
      if (call) call.dispose();
      else stopTracks(owned.current.stream);
    },
    [],
  );

  const join = async (stream: MediaStream) => {
    const iceServers = await callIceServers(apollo, callId, DOCUMENTS);
    const call = new PeerCall({
      side: 'CUSTOMER',
      iceServers,
      localStream: stream,
      transport: apolloCallTransport(apollo, callId, DOCUMENTS),
      onChange: (snapshot) => setRoom({ step: 'call', call, snapshot }),
    });
    owned.current.call = call;
    setRoom({ step: 'call', call, snapshot: call.current });
    call.start();
  };

  let body;
  if (room.step === 'opening') body = <p role="status">{t('callOpening')}</p>;
  else if (room.step === 'problem') {
    body = (
      <>
        <p className="cc-call-problem" role="alert">
          {t(MEDIA_WORDS[room.problem])}
        </p>
        <div className="cc-call-controls">
          <button type="button" className="cc-primary-button" onClick={() => setAttempt((n) => n + 1)}>
            {t('callTryAgain')}
          </button>
          <button type="button" className="cc-call-button" onClick={() => void decline({ variables: { callId } }).catch(() => {}).finally(onClose)}>
            {t('declineCall')}
          </button>
        </div>
      </>
    );
  } else if (room.step === 'waiting') {
    body = <WaitingRoom stream={room.stream} onJoin={() => void join(room.stream)} onDecline={() => void decline({ variables: { callId } }).catch(() => {}).finally(onClose)} />;
  } else {
    const { call, snapshot } = room;
    const ended = snapshot.phase === 'ended';
    body = (
      <>
        <div className="cc-call-videos">
          <CallVideo stream={snapshot.remoteStream} label={t('callPharmacist')} className="cc-call-remote" />
          <CallVideo stream={snapshot.localStream} local label={t('callYou')} className="cc-call-local" />
          <p className="cc-call-remote-state">
            {snapshot.remote.audioMuted && <span>{t('callRemoteMuted')}</span>}
            {snapshot.remote.videoMuted && <span>{t('callRemoteCameraOff')}</span>}
            {snapshot.remote.screenSharing && <span data-testid="remote-sharing">{t('callRemoteSharing')}</span>}
          </p>
        </div>
        <p role="status" className="cc-call-status" data-testid="call-status">
          {ended
            ? snapshot.durationSeconds === null
              ? t('callEnded')
              : t('callEndedAfter', { duration: callDuration(snapshot.durationSeconds) })
            : snapshot.phase === 'failed'
              ? t('callFailed')
              : snapshot.phase === 'connected'
                ? `${t('callConnected')} · ${t('callQuality', { quality: t(QUALITY_WORDS[snapshot.quality]) })}`
                : t('callConnecting')}
        </p>
        <div className="cc-call-controls">
          {ended ? (
            <button type="button" className="cc-call-button" onClick={onClose}>
              {t('callClose')}
            </button>
          ) : (
            <>
              <button type="button" className="cc-call-button" aria-pressed={snapshot.audioMuted} onClick={() => call.toggleAudio()}>
                {snapshot.audioMuted ? t('callUnmute') : t('callMute')}
              </button>
              <button type="button" className="cc-call-button" aria-pressed={snapshot.videoMuted} onClick={() => call.toggleVideo()}>
                {snapshot.videoMuted ? t('callCameraOn') : t('callCameraOff')}
              </button>
              <button type="button" className="cc-call-button cc-call-end" onClick={() => void call.hangUp().catch(() => {})}>
                {t('callEnd')}
              </button>
            </>
          )}
        </div>
      </>
    );
  }
  return (
    <section className="cc-call-room" aria-label={widgetT('joinVideoCall')} data-call-phase={room.step === 'call' ? room.snapshot.phase : room.step}>
      {body}
    </section>
  );
}

/** Camera preview and microphone switches before joining. */
function WaitingRoom({ stream, onJoin, onDecline }: { stream: MediaStream; onJoin(): void; onDecline(): void }) {
  const t = useCallStrings();
  const [audioOn, setAudioOn] = useState(true);
  const [videoOn, setVideoOn] = useState(stream.getVideoTracks().length > 0);
  const toggle = (kind: 'audio' | 'video', on: boolean) => {
    (kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks()).forEach((track) => (track.enabled = on));
    (kind === 'audio' ? setAudioOn : setVideoOn)(on);
  };
  return (
    <>
      <h2 className="cc-call-title">{t('callWaitingRoom')}</h2>
      <CallVideo stream={stream} local label={t('callYou')} className="cc-call-preview" />
      <p className="cc-call-hint">{t('callWaitingHint')}</p>
      <div className="cc-call-controls">
        <button type="button" className="cc-call-button" aria-pressed={!audioOn} onClick={() => toggle('audio', !audioOn)}>
          {audioOn ? t('callMute') : t('callUnmute')}
        </button>
        <button type="button" className="cc-call-button" aria-pressed={!videoOn} onClick={() => toggle('video', !videoOn)}>
          {videoOn ? t('callCameraOff') : t('callCameraOn')}
        </button>
      </div>
      <div className="cc-call-controls">
        <button type="button" className="cc-primary-button" onClick={onJoin}>
          {t('callJoinNow')}
        </button>
        <button type="button" className="cc-call-button" onClick={onDecline}>
          {t('callNotNow')}
        </button>
      </div>
    </>
  );
}
