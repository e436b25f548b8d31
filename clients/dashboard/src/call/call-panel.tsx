import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { callDuration } from '../../../shared/calls/call-duration.js';
import type { MediaProblem } from '../../../shared/calls/local-media.js';
import type { CallSnapshot } from '../../../shared/calls/peer-call.js';
import { LeaveCallDocument } from '../gql/graphql.js';
import { useStrings, type DashboardKey } from '../i18n/dashboard-i18n.js';
import { useCallSession } from './call-session.js';
import { VideoTile } from './video-tile.js';
import './call.css';

export const MEDIA_PROBLEM_WORDS: Record<MediaProblem, DashboardKey> = {
  denied: 'mediaDenied',
  'no-device': 'mediaNoDevice',
  'in-use': 'mediaInUse',
  unsupported: 'mediaUnsupported',
  failed: 'mediaFailed',
};

const QUALITY_WORDS: Record<CallSnapshot['quality'], DashboardKey> = { good: 'callQualityGood', fair: 'callQualityFair', poor: 'callQualityPoor', unknown: 'callQualityUnknown' };

function statusText(snapshot: CallSnapshot, t: ReturnType<typeof useStrings>): string {
  if (snapshot.phase === 'ended') {
    if (snapshot.state === 'MISSED') return t('callMissed');
    if (snapshot.state === 'DECLINED') return t('callDeclined');
    return snapshot.durationSeconds === null ? t('callEnded') : t('callEndedAfter', { duration: callDuration(snapshot.durationSeconds) });
  }
  if (snapshot.phase === 'failed') return t('callFailed');
  if (snapshot.phase === 'connected') return t('callConnected');
  if (snapshot.state === 'RINGING') return t('callRinging');
  if (snapshot.state === 'WAITING') return t('callWaiting');
  return t('callConnecting');
}

/** The staff side of a video call: both videos, mute, camera, screen sharing, quality, end. */
export function CallPanel({ callId, onClose }: { callId: string; onClose(): void }) {
  const t = useStrings();
  const session = useCallSession(callId);
  const [leave] = useMutation(LeaveCallDocument);
  const [screenError, setScreenError] = useState(false);

  if (session.status !== 'live') {
    const message = session.status === 'opening' ? t('callConnecting') : session.status === 'failed' ? t('callStartFailed') : t(MEDIA_PROBLEM_WORDS[session.problem]);
    return (
      <section className="call-panel" aria-label={t('videoCall')}>
        <p className={session.status === 'opening' ? 'call-panel__status' : 'notice notice--error'} role={session.status === 'opening' ? 'status' : 'alert'}>
          {message}
        </p>
        {session.status !== 'opening' && (
          <button type="button" className="button button--danger-solid" onClick={() => void leave({ variables: { callId } }).catch(() => {}).finally(onClose)}>
            {t('callEnd')}
          </button>
        )}
      </section>
    );
  }

  const { call, snapshot } = session;
  const ended = snapshot.phase === 'ended';
  return (
    <section className="call-panel" aria-label={t('videoCall')} data-call-state={snapshot.state} data-call-phase={snapshot.phase}>
      <div className="call-panel__videos">
        <div className="call-panel__remote">
          <VideoTile stream={snapshot.remoteStream} label={t('callCustomer')} className="call-video call-video--remote" />
          <p className="call-panel__remote-state">
            {snapshot.remote.audioMuted && <span data-testid="remote-muted">{t('callRemoteMuted')}</span>}
            {snapshot.remote.videoMuted && <span>{t('callRemoteCameraOff')}</span>}
            {snapshot.remote.screenSharing && <span>{t('callRemoteSharing')}</span>}
          </p>
        </div>
        <VideoTile stream={snapshot.localStream} local label={t('callYou')} className="call-video call-video--local" />
      </div>
      <p className="call-panel__status" role="status" data-testid="call-status">
        {statusText(snapshot, t)}
        {snapshot.phase === 'connected' && (
          <span className={`call-quality call-quality--${snapshot.quality}`} data-testid="call-quality">
            {' · '}
            {t('callQuality', { quality: t(QUALITY_WORDS[snapshot.quality]) })}
          </span>
        )}
      </p>
      {screenError && (
        <p className="notice notice--error" role="alert">
          {t('screenShareFailed')}
        </p>
      )}
      <div className="call-panel__controls">
        {ended ? (
          <button type="button" className="button" onClick={onClose}>
            {t('callClose')}
          </button>
        ) : (
          <>
            <button type="button" className="button" aria-pressed={snapshot.audioMuted} onClick={() => call.toggleAudio()}>
              {snapshot.audioMuted ? t('callUnmute') : t('callMute')}
            </button>
            <button type="button" className="button" aria-pressed={snapshot.videoMuted} onClick={() => call.toggleVideo()}>
              {snapshot.videoMuted ? t('callCameraOn') : t('callCameraOff')}
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={snapshot.screenSharing}
              onClick={() => {
                setScreenError(false);
                const change = snapshot.screenSharing ? call.stopScreenShare() : call.shareScreen();
                void change.catch(() => setScreenError(true));
              }}
            >
              {snapshot.screenSharing ? t('callStopSharing') : t('callShareScreen')}
            </button>
            <button type="button" className="button button--danger-solid" onClick={() => void call.hangUp().catch(() => {})}>
              {t('callEnd')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
