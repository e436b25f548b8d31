/**
 * Two soft beeps when the pharmacy starts a call, so a customer who looked away notices the
 * card (issue 21). Web Audio, not an audio file: nothing to download, and it plays in the
 * iframe because the customer has already used the chat (the browser's user-activation rule).
 * No audio (blocked, no device): the card still shows, silently.
 */
export function playRingTone(): void {
  try {
    const audio = new AudioContext();
    const volume = audio.createGain();
    volume.gain.value = 0.08;
    volume.connect(audio.destination);
    for (const offset of [0, 0.35]) {
      const tone = audio.createOscillator();
      tone.frequency.value = 660;
      tone.connect(volume);
      tone.start(audio.currentTime + offset);
      tone.stop(audio.currentTime + offset + 0.2);
    }
    setTimeout(() => void audio.close(), 1000);
  } catch {
    // Nothing to play on: the card is the invitation.
  }
}
