/** The video call mutations (issue 21): staff and the thread's customer take part; no API key scope lets a key in. */
export const CALL_MUTATIONS = [
  'startCall',
  'enterCallWaitingRoom',
  'joinCall',
  'declineCall',
  'leaveCall',
  'sendCallOffer',
  'sendCallAnswer',
  'sendIceCandidate',
  'setCallMedia',
] as const;
