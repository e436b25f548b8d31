import type { ChannelProviders } from '../../gateway/channels/channel-config.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import type { AttachmentIntakeDependencies } from '../attachment/attachment-intake.js';

/** What channel webhooks and jobs work with, outside any request. */
export interface ChannelDependencies {
  database: TenantDatabase;
  realtime: RealtimePublisher;
  channels: ChannelProviders;
  /** Inbound media go through the same checks and storage as uploads. */
  files: AttachmentIntakeDependencies;
  /** PUBLIC_URL: the webhook URLs providers sign and call. */
  publicUrl: string;
}
