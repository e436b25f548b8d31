import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { PublishedIceCandidate, PublishedMediaState } from '../../gateway/pubsub/call-payloads.js';

/** A session description's limit: real offers with audio, video and a screen are 5–15 KB. */
export const SDP_MAX_BYTES = 64 * 1024;
const CANDIDATE_MAX_LENGTH = 1024;

// RFC 8866: "<type>=<value>" lines; values hold no control characters but tab.
const SDP_LINE = /^[a-z]=[^\x00-\x08\x0a-\x1f\x7f]*$/;
const PRINTABLE = /^[\x20-\x7e]*$/;
const TOKEN = /^[\x21-\x7e]{1,64}$/;

/**
 * An offer's or answer's SDP, refused with BAD_USER_INPUT unless it is one: at most 64 KB,
 * starting with `v=0`, every line `<letter>=<value>`, at least one media section. The other
 * side's browser parses it again; this only keeps what travels small and plausibly SDP.
 */
export function assertSessionDescription(sdp: string): string {
  if (Buffer.byteLength(sdp, 'utf8') > SDP_MAX_BYTES) throw badUserInput('sdp', `A session description may be at most ${SDP_MAX_BYTES / 1024} KB.`);
  const lines = sdp.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines[0] !== 'v=0' || !lines.every((line) => SDP_LINE.test(line)) || !lines.some((line) => line.startsWith('m='))) {
    throw badUserInput('sdp', 'This is not a session description (SDP).');
  }
  return sdp;
}

/** An ICE candidate as RTCIceCandidateInit has it; an empty `candidate` says the sender has no more. */
export function assertIceCandidate(candidate: PublishedIceCandidate): PublishedIceCandidate {
  const text = candidate.candidate;
  if (text.length > CANDIDATE_MAX_LENGTH || !PRINTABLE.test(text) || (text !== '' && !text.startsWith('candidate:'))) {
    throw badUserInput('candidate', 'This is not an ICE candidate.');
  }
  if (candidate.sdpMid !== null && !TOKEN.test(candidate.sdpMid)) throw badUserInput('sdpMid', '"sdpMid" is not a media identifier.');
  if (candidate.sdpMLineIndex !== null && (!Number.isInteger(candidate.sdpMLineIndex) || candidate.sdpMLineIndex < 0 || candidate.sdpMLineIndex > 63)) {
    throw badUserInput('sdpMLineIndex', '"sdpMLineIndex" must be 0 to 63.');
  }
  if (candidate.sdpMid === null && candidate.sdpMLineIndex === null && text !== '') throw badUserInput('sdpMid', 'A candidate needs sdpMid or sdpMLineIndex.');
  if (candidate.usernameFragment !== null && !TOKEN.test(candidate.usernameFragment)) throw badUserInput('usernameFragment', '"usernameFragment" is not an ICE username fragment.');
  return { candidate: text, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex, usernameFragment: candidate.usernameFragment };
}

/** Only the three switches: nothing else of the client's travels. */
export const mediaState = (media: PublishedMediaState): PublishedMediaState => ({
  audioMuted: media.audioMuted,
  videoMuted: media.videoMuted,
  screenSharing: media.screenSharing,
});
