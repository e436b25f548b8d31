/** Why a camera or microphone could not be opened, for a message the person can act on. */
export type MediaProblem = 'denied' | 'no-device' | 'in-use' | 'unsupported' | 'failed';

export class LocalMediaError extends Error {
  constructor(readonly problem: MediaProblem, cause?: unknown) {
    super(`Could not open camera or microphone: ${problem}`, { cause });
  }
}

function problemOf(error: unknown): MediaProblem {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-device';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use';
  return 'failed';
}

/**
 * Camera and microphone for a call. Without a camera (or a microphone) the call goes on with
 * what there is; only when nothing can be opened does it fail, saying why.
 */
export async function openLocalMedia(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new LocalMediaError('unsupported');
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  } catch (error) {
    const problem = problemOf(error);
    if (problem !== 'no-device') throw new LocalMediaError(problem, error);
  }
  for (const constraints of [{ audio: true }, { video: true }]) {
    try {
      return await navigator.mediaDevices.getUserMedia(constraints);
    } catch {
      // Try the other one.
    }
  }
  throw new LocalMediaError('no-device');
}

/** The screen (or a window) to share, or null when the person cancelled the picker. */
export async function openScreen(): Promise<MediaStream | null> {
  if (!navigator.mediaDevices?.getDisplayMedia) throw new LocalMediaError('unsupported');
  try {
    return await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  } catch (error) {
    if ((error as { name?: string }).name === 'NotAllowedError') return null;
    throw new LocalMediaError(problemOf(error), error);
  }
}

export const stopTracks = (stream: MediaStream | null | undefined) => stream?.getTracks().forEach((track) => track.stop());
