import { connectSubscriber, type TestSubscriber } from './subscription-client.js';

/** A graphql-ws socket once the server acknowledged it, with when it was closed and how. */
export interface AcknowledgedSocket extends TestSubscriber {
  /** The close code and the time (Date.now()) it arrived. */
  closedAt: Promise<{ code: number; at: number }>;
}

export async function openAcknowledgedSocket(wsUrl: string, token: string): Promise<AcknowledgedSocket> {
  const subscriber = connectSubscriber(wsUrl, token);
  const closedAt = subscriber.closed.then((code) => ({ code, at: Date.now() }));
  const acknowledged = new Promise<void>((resolve) => subscriber.client.on('connected', () => resolve()));
  const outcome = await Promise.race([acknowledged.then(() => 'open' as const), closedAt.then(({ code }) => code)]);
  if (outcome !== 'open') throw new Error(`The socket closed with ${outcome} before it was acknowledged`);
  return { ...subscriber, closedAt };
}
