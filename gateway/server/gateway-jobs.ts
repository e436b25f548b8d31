import { startJobWorker, type JobWorker } from '../jobs/job-queue.js';
import type { AsTenant, JobTaskList } from '../jobs/job-task.js';
import { createMailer, type Mailer } from '../mail/mailer.js';
import { SEND_MAIL_TASK } from '../mail/queue-mail.js';
import { sendMailTask } from '../mail/send-mail-task.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';
import { PASSWORD_RESET_REQUEST_TASK, passwordResetRequestTask } from '../../resolvers/account/password-reset.service.js';
import type { ServerDependencies } from './config.js';
import { RETENTION_TASK, retentionSchedule, retentionTask } from '../retention/retention-task.js';
import type { Clock } from '../notifications/clock.js';
import type { PresenceRegistry } from '../presence/presence-registry.js';
import { createSmsSender } from '../sms/sms-config.js';
import type { SmsSender } from '../sms/sms-sender.js';
import { AWAY_CUSTOMER_CHECK_TASK } from '../../resolvers/notification/away-customer-schedule.js';
import { awayCustomerCheckTask } from '../../resolvers/notification/away-customer-check.task.js';
import { SEND_CUSTOMER_NOTIFICATION_TASK, sendCustomerNotificationTask } from '../../resolvers/notification/customer-notification-send.task.js';
import type { WebPushSender } from '../notifications/web-push-sender.js';
import { STAFF_ALERTS_TASK, staffAlertsTask } from '../../resolvers/staff-notification/staff-alerts.task.js';
import { SEND_WEB_PUSH_TASK, sendWebPushTask } from '../../resolvers/staff-notification/send-web-push.task.js';
import { STAFF_DIGEST_TASK, staffDigestTask } from '../../resolvers/staff-notification/staff-digest.task.js';
import { SNOOZE_WAKE_TASK, snoozeWakeTask } from '../../resolvers/conversation/snooze-wake.task.js';
import { CALL_MISSED_TASK, callMissedTask } from '../../resolvers/call/call-missed.task.js';
import type { RealtimePublisher } from '../pubsub/realtime-publisher.js';
import type { ChannelDependencies } from '../../resolvers/channel/channel-dependencies.js';
import { CHANNEL_SEND_TASK } from '../../resolvers/channel/channel-delivery.js';
import { channelSendTask } from '../../resolvers/channel/channel-send.task.js';
import { channelMediaTask } from '../../resolvers/channel/channel-media.task.js';
import { CHANNEL_MEDIA_TASK } from '../../resolvers/channel/channel-media-job.js';

/**
 * Every background task, by name: the one list the gateway's worker and the operator's CLI
 * run. A feature that needs background work registers its task here.
 */
export function gatewayJobTasks(parts: {
  mailer: Mailer;
  sms: SmsSender;
  secrets: SecretBox;
  database: TenantDatabase;
  publicUrl: string;
  clock: Clock;
  /** Who has a live socket; undefined in the operator's CLI, which leaves customer notifications to a gateway. */
  presence: PresenceRegistry | undefined;
  webPush: WebPushSender;
  /** Where live events go; undefined in the operator's CLI, which has no bus and leaves missed calls to a gateway. */
  realtime: RealtimePublisher | undefined;
  /** WhatsApp and SMS sends and media downloads; undefined in the operator's CLI, which leaves them to a gateway (they publish live events). */
  channels?: ChannelDependencies;
}): JobTaskList {
  return {
    ...(parts.channels ? { [CHANNEL_SEND_TASK]: channelSendTask(parts.channels), [CHANNEL_MEDIA_TASK]: channelMediaTask(parts.channels) } : {}),
    [SEND_MAIL_TASK]: sendMailTask(parts),
    [PASSWORD_RESET_REQUEST_TASK]: passwordResetRequestTask(parts),
    [AWAY_CUSTOMER_CHECK_TASK]: awayCustomerCheckTask(parts),
    [SEND_CUSTOMER_NOTIFICATION_TASK]: sendCustomerNotificationTask(parts),
    [STAFF_ALERTS_TASK]: staffAlertsTask(),
    [STAFF_DIGEST_TASK]: staffDigestTask(parts),
    [SEND_WEB_PUSH_TASK]: sendWebPushTask(parts),
    // Only with a bus: both sides of the call must hear that it was missed.
    ...(parts.realtime ? { [CALL_MISSED_TASK]: callMissedTask({ database: parts.database, realtime: parts.realtime }) } : {}),
  };
}

/** Tasks reach the database only as one pharmacy at a time. */
export const asTenantOf =
  (database: TenantDatabase): AsTenant =>
  (organizationId, work) =>
    database.asTenant({ organizationId }, work);

/** This instance's job worker (every instance runs one; they share the queue) and what its tasks use. */
export async function startGatewayJobs(deps: ServerDependencies): Promise<JobWorker> {
  const mailer = createMailer(deps.config.mail);
  const worker = await startJobWorker({
    ...deps.config.jobs,
    ownerConnectionString: deps.jobQueueUrl,
    tasks: {
      ...gatewayJobTasks({
        mailer,
        sms: createSmsSender(deps.config.sms),
        secrets: deps.secrets,
        database: deps.database,
        publicUrl: deps.config.publicUrl,
        clock: deps.config.notifications.clock,
        presence: deps.realtime.presence,
        webPush: deps.webPush,
        realtime: deps.realtime.publisher,
        channels: { database: deps.database, realtime: deps.realtime.publisher, channels: deps.channels, files: deps.files, publicUrl: deps.config.publicUrl },
      }),
      // Wakes publish inbox events: a gateway's task, not the operator's CLI's (it has no bus).
      [SNOOZE_WAKE_TASK]: snoozeWakeTask({ database: deps.database, realtime: deps.realtime.publisher, clock: deps.config.notifications.clock }),
      // Only where RETENTION_JOB is on: an instance without the task never takes its jobs.
      ...(deps.config.retention.enabled ? { [RETENTION_TASK]: retentionTask({ database: deps.database, storage: deps.files.storage }) } : {}),
    },
    asTenant: asTenantOf(deps.database),
    recurring: retentionSchedule(deps.config.retention),
  });
  return {
    async dispose() {
      await worker.dispose();
      mailer.dispose();
    },
  };
}
