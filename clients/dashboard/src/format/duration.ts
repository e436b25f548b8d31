/** The unit abbreviations a language writes durations with. */
export interface DurationUnits {
  seconds: string;
  minutes: string;
  hours: string;
  days: string;
}

const ENGLISH: DurationUnits = { seconds: 's', minutes: 'min', hours: 'h', days: 'd' };

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h": how long something took, to the minute once past one. */
export function duration(seconds: number | null | undefined, units: DurationUnits = ENGLISH): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return `${Math.round(seconds)} ${units.seconds}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} ${units.minutes}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} ${units.hours} ${minutes % 60} ${units.minutes}` : `${hours} ${units.hours}`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} ${units.days} ${hours % 24} ${units.hours}` : `${days} ${units.days}`;
}
