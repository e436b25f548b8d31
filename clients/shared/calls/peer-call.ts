import type { CallSignal, CallTransport, RemoteMedia } from './call-transport.js';
import { openScreen, stopTracks } from './local-media.js';
import { qualityOf, type ConnectionQuality, type QualitySample } from './connection-quality.js';

export type CallPhase = 'connecting' | 'connected' | 'ended' | 'failed';

/** What a call's UI shows; a new object on every change. */
export interface CallSnapshot {
  phase: CallPhase;
  /** The server's CallState (RINGING, WAITING, ACTIVE, ENDED, MISSED, DECLINED). */
  state: string;
  durationSeconds: number | null;
  localStream: MediaStream;
  remoteStream: MediaStream | null;
  audioMuted: boolean;
  videoMuted: boolean;
  screenSharing: boolean;
  remote: RemoteMedia;
  quality: ConnectionQuality;
}

export interface PeerCallOptions {
  /** The customer makes the offers (whenever they join, or staff join again); the team answers. */
  side: 'TEAM' | 'CUSTOMER';
  iceServers: RTCIceServer[];
  transport: CallTransport;
  localStream: MediaStream;
  onChange(snapshot: CallSnapshot): void;
}

const FINAL_STATES = new Set(['ENDED', 'MISSED', 'DECLINED']);
const STATS_INTERVAL_MS = 2_000;
const HANG_UP_GRACE_MS = 3_000;

/**
 * One side of a one-to-one video call: an RTCPeerConnection signalled through the gateway
 * (offer, answer, ICE candidates, media state). The customer offers; staff answer; each offer
 * gets a fresh connection on both sides, so either may reload and come back. Screen sharing
 * swaps the camera track for the screen's (replaceTrack: no renegotiation).
 */
export class PeerCall {
  private connection: RTCPeerConnection | null = null;
  private readonly pendingCandidates: RTCIceCandidateInit[] = [];
  private stopListening: () => void = () => {};
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private lastSample: QualitySample | undefined;
  private screen: MediaStream | null = null;
  private snapshot: CallSnapshot;

  constructor(private readonly options: PeerCallOptions) {
    this.snapshot = {
      phase: 'connecting',
      state: 'RINGING',
      durationSeconds: null,
      localStream: options.localStream,
      remoteStream: null,
      audioMuted: false,
      videoMuted: options.localStream.getVideoTracks().length === 0,
      screenSharing: false,
      remote: { audioMuted: false, videoMuted: false, screenSharing: false },
      quality: 'unknown',
    };
  }

  /** Listens, then joins once the stream says where the call is (so the other side's answer can't be missed). */
  start(): void {
    let joined = false;
    this.stopListening = this.options.transport.listen(
      (signal) => {
        if (!joined && signal.kind === 'STATE') {
          joined = true;
          if (signal.call && FINAL_STATES.has(signal.call.state)) return this.handle(signal);
          void this.options.transport
            .join()
            .then(() => (this.options.side === 'CUSTOMER' ? this.offer() : undefined))
            .catch(() => this.update({ phase: 'failed' }));
        }
        this.handle(signal);
      },
      () => this.update({ phase: this.snapshot.phase === 'ended' ? 'ended' : 'failed' }),
    );
    this.statsTimer = setInterval(() => void this.measure(), STATS_INTERVAL_MS);
  }

  get current(): CallSnapshot {
    return this.snapshot;
  }

  /** The connection, for tests and the quality indicator. */
  get peerConnection(): RTCPeerConnection | null {
    return this.connection;
  }

  toggleAudio(): void {
    const audioMuted = !this.snapshot.audioMuted;
    this.options.localStream.getAudioTracks().forEach((track) => (track.enabled = !audioMuted));
    this.update({ audioMuted });
    this.sendMedia();
  }

  toggleVideo(): void {
    const videoMuted = !this.snapshot.videoMuted;
    this.options.localStream.getVideoTracks().forEach((track) => (track.enabled = !videoMuted));
    this.update({ videoMuted });
    this.sendMedia();
  }

  /** Shares the screen in place of the camera; null when the person cancelled the picker. */
  async shareScreen(): Promise<boolean> {
    const screen = await openScreen();
    if (!screen) return false;
    const track = screen.getVideoTracks()[0];
    if (!track) return false;
    this.screen = screen;
    // The browser's own "Stop sharing" button ends the track.
    track.addEventListener('ended', () => void this.stopScreenShare());
    await this.videoSender()?.replaceTrack(track);
    this.update({ screenSharing: true });
    this.sendMedia();
    return true;
  }

  async stopScreenShare(): Promise<void> {
    if (!this.screen) return;
    stopTracks(this.screen);
    this.screen = null;
    await this.videoSender()?.replaceTrack(this.options.localStream.getVideoTracks()[0] ?? null);
    this.update({ screenSharing: false });
    this.sendMedia();
  }

  /**
   * Ends the call for both sides. The call's final state (with its duration) comes back over
   * the stream; if it doesn't within a few seconds, the call ends here without it.
   */
  async hangUp(): Promise<void> {
    try {
      await this.options.transport.leave();
    } finally {
      setTimeout(() => this.finish('ENDED', null), HANG_UP_GRACE_MS);
    }
  }

  /** Lets go of everything (the call goes on for others only if hangUp was not called). */
  dispose(): void {
    this.stopListening();
    clearInterval(this.statsTimer);
    this.connection?.close();
    this.connection = null;
    stopTracks(this.screen);
    stopTracks(this.options.localStream);
  }

  private handle(signal: CallSignal): void {
    switch (signal.kind) {
      case 'STATE':
        if (signal.call && FINAL_STATES.has(signal.call.state)) return this.finish(signal.call.state, signal.call.durationSeconds ?? null);
        if (signal.call) this.update({ state: signal.call.state });
        return;
      case 'JOINED':
        // Staff came (back): the customer offers again, on a fresh connection.
        if (this.options.side === 'CUSTOMER' && signal.side === 'TEAM' && this.connection) void this.offer();
        return;
      case 'OFFER':
        if (this.options.side === 'TEAM' && signal.sdp) void this.answer(signal.sdp);
        return;
      case 'ANSWER':
        if (this.options.side === 'CUSTOMER' && signal.sdp && this.connection) {
          void this.connection
            .setRemoteDescription({ type: 'answer', sdp: signal.sdp })
            .then(() => this.flushCandidates())
            .catch(() => {});
        }
        return;
      case 'ICE_CANDIDATE':
        if (signal.candidate) this.addCandidate(signal.candidate);
        return;
      case 'MEDIA':
        if (signal.media) this.update({ remote: signal.media });
        return;
      case 'LEFT':
        return;
    }
  }

  private newConnection(): RTCPeerConnection {
    this.connection?.close();
    this.pendingCandidates.length = 0;
    const connection = new RTCPeerConnection({ iceServers: this.options.iceServers });
    const screenTrack = this.screen?.getVideoTracks()[0];
    for (const track of this.options.localStream.getTracks()) {
      connection.addTrack(track.kind === 'video' && screenTrack ? screenTrack : track, this.options.localStream);
    }
    const remoteStream = new MediaStream();
    connection.addEventListener('track', (event) => {
      remoteStream.addTrack(event.track);
      this.update({ remoteStream });
    });
    connection.addEventListener('icecandidate', (event) => {
      if (this.connection !== connection) return;
      void this.options.transport.candidate(event.candidate ? event.candidate.toJSON() : { candidate: '', sdpMid: '0' }).catch(() => {});
    });
    connection.addEventListener('connectionstatechange', () => {
      if (this.connection !== connection || this.snapshot.phase === 'ended') return;
      if (connection.connectionState === 'connected') this.update({ phase: 'connected' });
      else if (connection.connectionState === 'failed') this.update({ phase: 'failed' });
    });
    this.connection = connection;
    return connection;
  }

  private async offer(): Promise<void> {
    const connection = this.newConnection();
    const offer = await connection.createOffer();
    await connection.setLocalDescription(offer);
    await this.options.transport.offer(connection.localDescription!.sdp);
    this.sendMedia();
  }

  private async answer(sdp: string): Promise<void> {
    const connection = this.newConnection();
    await connection.setRemoteDescription({ type: 'offer', sdp });
    await this.flushCandidates();
    const answer = await connection.createAnswer();
    await connection.setLocalDescription(answer);
    await this.options.transport.answer(connection.localDescription!.sdp);
    this.sendMedia();
  }

  /** Candidates that arrive before the remote description wait for it. */
  private addCandidate(candidate: RTCIceCandidateInit): void {
    if (!this.connection?.remoteDescription) {
      this.pendingCandidates.push(candidate);
      return;
    }
    // A candidate of a connection replaced meanwhile fails: nothing to do about it.
    void this.connection.addIceCandidate(candidate.candidate ? candidate : undefined).catch(() => {});
  }

  private async flushCandidates(): Promise<void> {
    const waiting = this.pendingCandidates.splice(0);
    for (const candidate of waiting) this.addCandidate(candidate);
  }

  private videoSender(): RTCRtpSender | undefined {
    return this.connection?.getSenders().find((sender) => sender.track?.kind === 'video');
  }

  private sendMedia(): void {
    const { audioMuted, videoMuted, screenSharing } = this.snapshot;
    void this.options.transport.media({ audioMuted, videoMuted, screenSharing }).catch(() => {});
  }

  private async measure(): Promise<void> {
    if (!this.connection || this.snapshot.phase !== 'connected') return;
    const stats = await this.connection.getStats();
    const sample: QualitySample = { packetsReceived: 0, packetsLost: 0, roundTripTime: null };
    stats.forEach((report) => {
      if (report.type === 'inbound-rtp') {
        sample.packetsReceived += report.packetsReceived ?? 0;
        sample.packetsLost += report.packetsLost ?? 0;
      } else if (report.type === 'candidate-pair' && report.nominated && typeof report.currentRoundTripTime === 'number') {
        sample.roundTripTime = report.currentRoundTripTime;
      }
    });
    const quality = qualityOf(sample, this.lastSample);
    this.lastSample = sample;
    if (quality !== this.snapshot.quality) this.update({ quality });
  }

  private finish(state: string, durationSeconds: number | null): void {
    if (this.snapshot.phase === 'ended') return;
    this.update({ phase: 'ended', state, durationSeconds });
    this.dispose();
  }

  private update(change: Partial<CallSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    this.options.onChange(this.snapshot);
  }
}
