export type ConnectionQuality = 'good' | 'fair' | 'poor' | 'unknown';

/** Totals from one RTCPeerConnection.getStats(): inbound packets and the nominated pair's round trip. */
export interface QualitySample {
  packetsReceived: number;
  packetsLost: number;
  /** Seconds; null before the pair reports one. */
  roundTripTime: number | null;
}

/**
 * A three-step indicator from the loss since the previous sample and the current round trip:
 * good under 2 % loss and 300 ms, poor from 8 % or 600 ms, fair between.
 */
export function qualityOf(sample: QualitySample, previous: QualitySample | undefined): ConnectionQuality {
  const received = sample.packetsReceived - (previous?.packetsReceived ?? 0);
  const lost = Math.max(0, sample.packetsLost - (previous?.packetsLost ?? 0));
  if (received + lost === 0 && sample.roundTripTime === null) return 'unknown';
  const loss = received + lost > 0 ? lost / (received + lost) : 0;
  const rtt = sample.roundTripTime ?? 0;
  if (loss >= 0.08 || rtt >= 0.6) return 'poor';
  if (loss >= 0.02 || rtt >= 0.3) return 'fair';
  return 'good';
}
