import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { isRetryableStatus, ProviderRefusal } from './provider-errors.js';

const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * A provider's media file as a stream (the upload checks read it under their own size limit).
 * Only from a URL one of `allowed` accepts: a webhook names the URL, and the gateway must not
 * fetch, with the provider's credentials, wherever a webhook says. Redirects are followed
 * (Twilio's media live behind one); fetch drops the Authorization header when they leave the origin.
 */
export async function downloadFrom(url: string, headers: Record<string, string>, allowed: readonly ((url: URL) => boolean)[]): Promise<Readable> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProviderRefusal('The media URL is not a URL');
  }
  if (!allowed.some((accepts) => accepts(parsed))) throw new ProviderRefusal(`Media from ${parsed.host} is not fetched: it is not the provider's`);
  const response = await fetch(parsed, { headers, redirect: 'follow', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    const reason = `Media download ${response.status}`;
    if (isRetryableStatus(response.status)) throw new Error(reason);
    throw new ProviderRefusal(reason);
  }
  return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
}
