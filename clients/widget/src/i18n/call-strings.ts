import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * The words of the waiting room and the call, in English and Dutch. They load with the call
 * (a dynamic import, call-room.tsx), not with the widget: the widget's budget (check-budgets.mjs)
 * counts what every store page's chat loads.
 */
const en = {
  callOpening: 'Opening camera and microphone…',
  declineCall: 'Decline',
  callWaitingRoom: 'Check your camera and microphone',
  callWaitingHint: 'The pharmacist sees you once you join.',
  callJoinNow: 'Join now',
  callNotNow: 'Not now',
  callTryAgain: 'Try again',
  callConnecting: 'Connecting…',
  callConnected: 'Connected',
  callEnded: 'Call ended',
  callEndedAfter: 'Call ended · {{duration}}',
  callFailed: 'The connection failed. End the call and try again.',
  callMute: 'Mute microphone',
  callUnmute: 'Unmute microphone',
  callCameraOff: 'Turn camera off',
  callCameraOn: 'Turn camera on',
  callEnd: 'End call',
  callClose: 'Close',
  callYou: 'You',
  callPharmacist: 'Pharmacist',
  callRemoteMuted: 'Microphone off',
  callRemoteCameraOff: 'Camera off',
  callRemoteSharing: 'The pharmacist is sharing their screen',
  callQuality: 'Connection: {{quality}}',
  callQualityGood: 'good',
  callQualityFair: 'fair',
  callQualityPoor: 'poor',
  callQualityUnknown: 'measuring…',
  mediaDenied: 'Camera and microphone are blocked. Allow them for this site in your browser, then try again.',
  mediaNoDevice: 'No camera or microphone was found on this device.',
  mediaInUse: 'Another app is using the camera or microphone.',
  mediaUnsupported: "This browser can't make video calls.",
  mediaFailed: 'The camera or microphone could not be opened.',
};

const nl: Record<keyof typeof en, string> = {
  callOpening: 'Camera en microfoon openen…',
  declineCall: 'Weigeren',
  callWaitingRoom: 'Controleer uw camera en microfoon',
  callWaitingHint: 'De apotheker ziet u zodra u deelneemt.',
  callJoinNow: 'Nu deelnemen',
  callNotNow: 'Niet nu',
  callTryAgain: 'Opnieuw proberen',
  callConnecting: 'Verbinden…',
  callConnected: 'Verbonden',
  callEnded: 'Gesprek beëindigd',
  callEndedAfter: 'Gesprek beëindigd · {{duration}}',
  callFailed: 'De verbinding is mislukt. Beëindig het gesprek en probeer het opnieuw.',
  callMute: 'Microfoon dempen',
  callUnmute: 'Microfoon aanzetten',
  callCameraOff: 'Camera uitzetten',
  callCameraOn: 'Camera aanzetten',
  callEnd: 'Gesprek beëindigen',
  callClose: 'Sluiten',
  callYou: 'U',
  callPharmacist: 'Apotheker',
  callRemoteMuted: 'Microfoon uit',
  callRemoteCameraOff: 'Camera uit',
  callRemoteSharing: 'De apotheker deelt het scherm',
  callQuality: 'Verbinding: {{quality}}',
  callQualityGood: 'goed',
  callQualityFair: 'matig',
  callQualityPoor: 'slecht',
  callQualityUnknown: 'meten…',
  mediaDenied: 'Camera en microfoon zijn geblokkeerd. Sta ze voor deze site toe in uw browser en probeer het opnieuw.',
  mediaNoDevice: 'Er is geen camera of microfoon gevonden op dit apparaat.',
  mediaInUse: 'Een andere app gebruikt de camera of microfoon.',
  mediaUnsupported: 'Deze browser kan geen videogesprekken voeren.',
  mediaFailed: 'De camera of microfoon kon niet worden geopend.',
};

export type CallKey = keyof typeof en;
export type CallTranslate = (key: CallKey, values?: Record<string, string | number>) => string;

const added = new WeakSet<I18n>();

/** Adds the call's words to the widget's i18next instance (once), and its `t` held to them. */
export function useCallStrings(): CallTranslate {
  const { i18n, t } = useTranslation();
  if (!added.has(i18n)) {
    i18n.addResourceBundle('en', 'translation', en, true, false);
    i18n.addResourceBundle('nl', 'translation', nl, true, false);
    added.add(i18n);
  }
  return t as unknown as CallTranslate;
}
