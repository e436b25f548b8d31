import { describe, expect, it } from '@jest/globals';
import { callDuration } from '../../../../clients/shared/calls/call-duration.js';
import { qualityOf } from '../../../../clients/shared/calls/connection-quality.js';

describe("a call's figures", () => {
  it('shows a duration as a clock does, the same in every language', () => {
    expect([0, 7, 65, 600, 3725].map(callDuration)).toEqual(['0:00', '0:07', '1:05', '10:00', '1:02:05']);
  });

  it('rates the connection by the loss since the last sample and the round trip', () => {
    const previous = { packetsReceived: 1000, packetsLost: 0, roundTripTime: 0.02 };
    expect(qualityOf({ packetsReceived: 0, packetsLost: 0, roundTripTime: null }, undefined)).toBe('unknown');
    expect(qualityOf({ packetsReceived: 2000, packetsLost: 5, roundTripTime: 0.05 }, previous)).toBe('good');
    expect(qualityOf({ packetsReceived: 2000, packetsLost: 40, roundTripTime: 0.05 }, previous)).toBe('fair');
    expect(qualityOf({ packetsReceived: 2000, packetsLost: 0, roundTripTime: 0.4 }, previous)).toBe('fair');
    expect(qualityOf({ packetsReceived: 2000, packetsLost: 120, roundTripTime: 0.05 }, previous)).toBe('poor');
    expect(qualityOf({ packetsReceived: 2000, packetsLost: 0, roundTripTime: 0.9 }, previous)).toBe('poor');
  });
});
