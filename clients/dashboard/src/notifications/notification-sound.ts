let context: AudioContext | undefined;

/**
 * A short two-tone chime made with Web Audio (no sound file to load). Browsers allow audio
 * once the page has had a click, which turning notifications on is.
 */
export function playNotificationSound(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime;
    for (const [index, frequency] of [880, 660].entries()) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + index * 0.15);
      gain.gain.exponentialRampToValueAtTime(0.2, start + index * 0.15 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.15 + 0.14);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + index * 0.15);
      oscillator.stop(start + index * 0.15 + 0.15);
    }
  } catch {
    // No audio (a locked-down browser): the notification still shows.
  }
}
