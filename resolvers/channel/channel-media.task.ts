import type { Readable } from 'node:stream';
import { ChannelKind } from '../../entities/channel-connection.entity.js';
import { ProviderRefusal } from '../../gateway/channels/provider-errors.js';
import { TwilioChannelApi } from '../../gateway/channels/twilio-channel-api.js';
import { WhatsAppCloudApi } from '../../gateway/channels/whatsapp-cloud-api.js';
import { DomainError } from '../../gateway/errors/domain-error.js';
import type { JobTask } from '../../gateway/jobs/job-task.js';
import { logger } from '../../gateway/logging/logger.js';
import { takeAttachments, type IncomingFile, type StoredFile } from '../attachment/attachment-intake.js';
import type { ChannelDependencies } from './channel-dependencies.js';
import { openedConnection, type OpenedConnection } from './channel-connection-lookup.js';
import { ChannelInbox } from './channel-inbox.service.js';
import type { InboundMessage } from './inbound-message.js';
import type { ChannelMediaPayload } from './channel-media-job.js';


/**
 * Downloads an inbound message's images and documents from the provider, runs them through
 * the upload checks (type by content, EXIF stripped, size limit), stores them and appends the
 * message with them. A file the checks or the provider refuse is left out with a line saying
 * so; an outage is retried, and after the last attempt the message is appended without it.
 */
export function channelMediaTask(deps: ChannelDependencies): JobTask<ChannelMediaPayload> {
  return async (payload, run) => {
    if (payload.v !== 1) throw new Error(`channel-media payload version ${String(payload.v)} is unknown to this instance`);
    const opened = await run.asTenant(payload.organizationId, (pharmacy) => openedConnection(deps, pharmacy, payload.connectionId));
    if (!opened) return;
    const inbox = new ChannelInbox(deps);
    let files: StoredFile[] = [];
    let discard = async () => {};
    let note: string | null = null;
    try {
      const taken = await takeAttachments(await downloads(deps, opened, payload.inbound), payload.organizationId, deps.files);
      files = taken.files;
      discard = taken.discard;
    } catch (error) {
      if (error instanceof DomainError || error instanceof ProviderRefusal) note = `[${error instanceof DomainError ? error.message : 'The attachment could not be fetched from the provider.'}]`;
      else if (run.attempt < run.maxAttempts) throw error;
      else note = '[The attachment could not be downloaded.]';
      logger.warn({ err: error, connectionId: payload.connectionId, attempt: run.attempt }, 'An inbound attachment was not taken');
    }
    const text = [payload.inbound.text, note].filter(Boolean).join('\n');
    try {
      const message = await inbox.append(opened.connection, payload.customerId, { ...payload.inbound, text }, { claim: 'queued', files });
      if (!message) await discard();
    } catch (error) {
      await discard();
      throw error;
    }
  };
}

/**
 * Each media reference as a file the upload checks can read. The downloads start here, one
 * after another, so a provider's refusal or outage is told apart from a file the checks refuse.
 */
async function downloads(deps: ChannelDependencies, opened: OpenedConnection, inbound: InboundMessage): Promise<Promise<IncomingFile>[]> {
  const { connection, secrets } = opened;
  const fetchOne = async (reference: string): Promise<Readable> => {
    if (connection.kind === ChannelKind.WHATSAPP) {
      const api = new WhatsAppCloudApi(deps.channels.whatsappApiUrl, secrets.accessToken!);
      return api.download((await api.media(reference)).url);
    }
    return new TwilioChannelApi({ accountSid: connection.twilioAccountSid!, authToken: secrets.authToken!, apiUrl: deps.channels.twilioApiUrl }).download(reference);
  };
  const files: Promise<IncomingFile>[] = [];
  try {
    for (const media of inbound.media) {
      const stream = await fetchOne(media.reference);
      files.push(Promise.resolve({ filename: media.fileName ?? 'attachment', createReadStream: () => stream }));
    }
  } catch (error) {
    // The ones already opened are not read: let their connections go.
    for (const file of files) void file.then((opened) => opened.createReadStream().destroy());
    throw error;
  }
  return files;
}
